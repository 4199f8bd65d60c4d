import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSource, findProjectFacts } from "./initProject.js";

function project(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), "atrium-init-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, ".."), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

describe("atrium init: what it finds in a Prisma project", () => {
  it("takes the schema prisma.config.ts names, before the conventional place", () => {
    const folder = project({
      "prisma.config.ts":
        'export default defineConfig({ schema: "db/main.prisma", datasource: { url: env("DATABASE_URL") } });',
      "db/main.prisma": "",
      "prisma/schema.prisma": "",
    });
    expect(findProjectFacts(folder, {})).toEqual({
      schema: "db/main.prisma",
      schemaSource: "prisma.config.ts",
      hasDatabaseUrl: false,
    });
  });

  it("falls back to package.json's prisma.schema, then prisma/schema.prisma, and reads DATABASE_URL from .env", () => {
    const withPackage = project({
      "package.json": '{"prisma":{"schema":"schema/app.prisma"}}',
      "schema/app.prisma": "",
    });
    expect(findProjectFacts(withPackage, {}).schema).toBe("schema/app.prisma");
    const conventional = project({ "prisma/schema.prisma": "", ".env": 'DATABASE_URL="file:./dev.db"\n' });
    expect(findProjectFacts(conventional, {})).toMatchObject({
      schema: "prisma/schema.prisma",
      hasDatabaseUrl: true,
    });
    expect(findProjectFacts(project({}), {}).schema).toBeUndefined();
  });

  it("writes a config that names the schema and leaves the URL to the environment", () => {
    const source = configSource("prisma/schema.prisma");
    expect(source).toContain('import { defineConfig } from "atrium";');
    expect(source).toContain('schema: "prisma/schema.prisma",');
    expect(source).not.toContain("databaseUrl:");
  });
});
