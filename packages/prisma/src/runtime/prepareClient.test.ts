import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { compiledClientFile } from "./compileGeneratedClient.js";
import { generatedClientFolder, loadClientClass, schemaForAtriumClient } from "./prepareClient.js";

const userSchema = `generator client {
  provider = "prisma-client-js"
  previewFeatures = ["driverAdapters"]
}

datasource db {
  provider  = "postgresql"
  url       = env("DATABASE_URL")
  directUrl = env("DIRECT_URL")
}

model Post {
  id Int @id
}
`;

describe("schemaForAtriumClient", () => {
  it("replaces the user's generators with Atrium's own and keeps the models", () => {
    const result = schemaForAtriumClient(userSchema);
    expect(result).toContain('provider = "prisma-client"\n  output   = "./client"');
    expect(result).not.toContain("prisma-client-js");
    expect(result).toContain("model Post {");
  });

  it("drops datasource URLs, which Prisma 7 refuses in a schema", () => {
    const result = schemaForAtriumClient(userSchema);
    expect(result).toContain('provider  = "postgresql"');
    expect(result).not.toContain("DATABASE_URL");
    expect(result).not.toContain("DIRECT_URL");
  });

  it("keeps the preview features this Prisma knows, so that extensions = [...] stays valid", () => {
    const result = schemaForAtriumClient(
      userSchema.replace('["driverAdapters"]', '["postgresqlExtensions", "driverAdapters", "views"]'),
    );
    // driverAdapters is no preview feature any more: Prisma would warn about it.
    expect(result).toContain(
      'output   = "./client"\n  previewFeatures = ["postgresqlExtensions","views"]\n}',
    );
    expect(schemaForAtriumClient(userSchema)).not.toContain("previewFeatures");
  });
});

/** PostgreSQL extensions need a preview feature: without it Prisma refuses the schema's `extensions`. */
const extensionsSchema = `generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["postgresqlExtensions", "relationJoins"]
}

generator docs {
  provider        = "prisma-docs-generator"
  previewFeatures = ["relationJoins", "fullTextSearchPostgres"]
}

datasource db {
  provider   = "postgresql"
  extensions = [citext]
}

model Account {
  id    Int    @id @default(autoincrement())
  email String @unique @db.Citext
}
`;

describe("the user's preview features", () => {
  it("keeps every preview feature the user's generators enable, once each", () => {
    const result = schemaForAtriumClient(extensionsSchema);
    // Both generators' features, `relationJoins` once; a name this Prisma does not know is left out.
    expect(result).toContain('previewFeatures = ["postgresqlExtensions","relationJoins"]');
    expect(result).not.toContain("fullTextSearchPostgres");
    expect(result).not.toContain("prisma-docs-generator");
    expect(schemaForAtriumClient("model A {\n  id Int @id\n}\n")).not.toContain("previewFeatures");
  });

  it("generates a client for a schema that declares PostgreSQL extensions", async () => {
    const folder = await mkdtemp(join(tmpdir(), "atrium-preview-"));
    try {
      const path = join(folder, "schema.prisma");
      await writeFile(path, extensionsSchema);
      const PrismaClient = await loadClientClass(path);
      expect(typeof PrismaClient).toBe("function");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the first start of a schema", () => {
  it("says how long generating its client took, and later starts generate nothing", async () => {
    const folder = await mkdtemp(join(tmpdir(), "atrium-first-start-"));
    // A schema text no earlier run generated (clients are cached by the text's hash).
    const schemaText = `// ${folder}\ndatasource db {\n  provider = "sqlite"\n}\n\nmodel Memo {\n  id Int @id\n}\n`;
    const generated = generatedClientFolder(schemaForAtriumClient(schemaText));
    try {
      const path = join(folder, "schema.prisma");
      await writeFile(path, schemaText);
      const durations: number[] = [];
      const preparation = { onGenerated: (ms: number) => durations.push(ms) };
      await loadClientClass(path, preparation);
      await loadClientClass(path, preparation);
      expect(durations).toHaveLength(1);
      expect(durations[0]).toBeGreaterThan(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
      await rm(generated, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the compiled client", () => {
  it("runs queries in plain Node, without a TypeScript loader, as a server built to JavaScript does", async () => {
    const folder = await mkdtemp(join(tmpdir(), "atrium-compiled-"));
    try {
      const schemaText = 'datasource db {\n  provider = "sqlite"\n}\n\nmodel Note {\n  id Int @id\n}\n';
      const path = join(folder, "schema.prisma");
      await writeFile(path, schemaText);
      await loadClientClass(path);
      const compiled = join(
        generatedClientFolder(schemaForAtriumClient(schemaText)),
        "client",
        compiledClientFile,
      );
      const script = `
        const { PrismaClient } = await import(${JSON.stringify(pathToFileURL(compiled).href)});
        const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
        const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: "file::memory:" }) });
        const [row] = await client.$queryRawUnsafe("SELECT 41 + 1 AS answer");
        console.log(String(row.answer));
        await client.$disconnect();`;
      const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
        cwd: join(import.meta.dirname, ".."),
        env: { ...process.env, NODE_OPTIONS: "" },
      });
      expect(stdout.trim()).toBe("42");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
