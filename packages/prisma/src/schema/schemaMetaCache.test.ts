import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findModelByName, isAtriumError, type SchemaMeta } from "@atrium/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { schemaPath } from "../../test/schemaPaths.js";
import { loadSchemaMeta, loadSchemaMetaFromFile } from "./loadSchemaMeta.js";
import { loadSchemaMetaCached } from "./schemaMetaCache.js";

const schemaText = `datasource db {
  provider = "sqlite"
}

model Author {
  id    Int    @id @default(autoincrement())
  name  String
  books Book[]
}

model Book {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   Author @relation(fields: [authorId], references: [id])
}
`;

let folder: string;
let schemaFile: string;
let cacheFolder: string;
const options = () => ({ folder: cacheFolder, builderVersion: "test-1" });

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "atrium-meta-cache-"));
  schemaFile = join(folder, "schema.prisma");
  cacheFolder = join(folder, "cache");
  await writeFile(schemaFile, schemaText);
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Edits the cached copy, so that a test can tell metadata read from the cache from metadata built anew. */
async function relabelCachedAuthor(file: string, label: string): Promise<void> {
  const cached = JSON.parse(await readFile(file, "utf8")) as { schema: SchemaMeta };
  const author = findModelByName(cached.schema, "Author");
  if (!author) throw new Error("no Author in the cache file");
  author.label = label;
  await writeFile(file, JSON.stringify(cached));
}

describe("loadSchemaMetaCached", () => {
  it("builds the metadata on the first start and reads the same metadata back on the next", async () => {
    const first = await loadSchemaMetaCached(schemaFile, options());
    expect(first.outcome).toBe("miss");
    expect(first.schema).toEqual(loadSchemaMeta(schemaText));

    await relabelCachedAuthor(first.file, "Writer");
    const second = await loadSchemaMetaCached(schemaFile, options());
    expect(second.outcome).toBe("hit");
    expect(findModelByName(second.schema, "Author")?.label).toBe("Writer");
  });

  it("builds anew when the schema changes, so a new model shows at once", async () => {
    const first = await loadSchemaMetaCached(schemaFile, options());
    await writeFile(schemaFile, `${schemaText}\nmodel Publisher {\n  id Int @id\n  name String\n}\n`);
    const second = await loadSchemaMetaCached(schemaFile, options());
    expect(second.outcome).toBe("miss");
    expect(second.file).not.toBe(first.file);
    expect(findModelByName(second.schema, "Publisher")?.label).toBe("Publisher");
  });

  it("builds anew for another version of Atrium", async () => {
    const first = await loadSchemaMetaCached(schemaFile, options());
    await relabelCachedAuthor(first.file, "Stale");
    const upgraded = await loadSchemaMetaCached(schemaFile, {
      folder: cacheFolder,
      builderVersion: "test-2",
    });
    expect(upgraded.outcome).toBe("miss");
    expect(findModelByName(upgraded.schema, "Author")?.label).toBe("Author");
  });

  it.each([
    ["cut short", (text: string) => text.slice(0, text.length / 2)],
    ["not JSON", () => "\u0000\u0001garbage"],
    ["of another schema", (text: string) => text.replace(/"key":"[0-9a-f]+"/, '"key":"0"')],
    ["without models", () => JSON.stringify({ key: "x", schema: { provider: "sqlite" } })],
  ])("ignores a cache file %s, builds the metadata and repairs the file", async (_, damage) => {
    const first = await loadSchemaMetaCached(schemaFile, options());
    await writeFile(first.file, damage(await readFile(first.file, "utf8")));

    const repaired = await loadSchemaMetaCached(schemaFile, options());
    expect(repaired.outcome).toBe("corrupt");
    expect(repaired.schema).toEqual(loadSchemaMeta(schemaText));
    expect((await loadSchemaMetaCached(schemaFile, options())).outcome).toBe("hit");
  });

  it("still starts when the cache folder cannot be written", async () => {
    const blocked = join(folder, "a-file");
    await writeFile(blocked, "");
    const result = await loadSchemaMetaCached(schemaFile, { folder: join(blocked, "cache") });
    expect(result.outcome).toBe("miss");
    expect(findModelByName(result.schema, "Book")?.label).toBe("Book");
  });

  it("never caches an invalid schema: the error names the problem on every start", async () => {
    await writeFile(schemaFile, `${schemaText}\nmodel Broken {\n  id Int @id\n  owner Nowhere\n}\n`);
    for (let start = 0; start < 2; start += 1) {
      const error = await loadSchemaMetaCached(schemaFile, options()).catch((caught: unknown) => caught);
      expect(isAtriumError(error) && error.code).toBe("bad_request");
      expect(String((error as Error).message)).toMatch(/Nowhere/);
    }
  });

  it("round-trips a schema of every shape through the cache unchanged", async () => {
    for (const name of ["saas", "keys", "scalars", "compoundRelations", "emulatedRelations"] as const) {
      const path = schemaPath(name);
      await loadSchemaMetaCached(path, options());
      const cached = await loadSchemaMetaCached(path, options());
      expect(cached.outcome).toBe("hit");
      expect(cached.schema).toEqual(await loadSchemaMetaFromFile(path));
    }
  });
});
