/**
 * A NOT NULL column the write left empty is a 422 on its field, on every database: PostgreSQL names the column
 * only in its message, MySQL reports "doesn't have a default value", SQLite "NOT NULL constraint failed". The
 * database here lacks the defaults the schema says it computes (`dbgenerated`), and requires a column the
 * schema calls optional.
 */
import type { DatabaseProvider } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reachableProviders } from "../testing/databaseIsReachable.js";
import { caught } from "./testing/caught.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

/** The database as an older migration made it: no defaults for `sortAt` and `rank`, and `note` NOT NULL. */
function withoutDatabaseDefaults(schemaText: string): string {
  return schemaText
    .replace(/ @default\(dbgenerated\("[^"]*"\)\)/g, "")
    .replace(/note(\s+)String\?/, "note$1String ");
}

const providers: DatabaseProvider[] = ["sqlite", "postgresql", "mysql"];
const reachable = await reachableProviders(providers);

describe.each(providers)("NOT NULL columns on %s", (provider) => {
  let db: TestDatabase;
  const warnings: string[] = [];

  beforeAll(async () => {
    if (!reachable[provider]) return;
    db = await openTestDatabase("missingDefaults", {
      provider,
      databaseSchema: withoutDatabaseDefaults,
      dataSource: { warn: (message) => warnings.push(message) },
    });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!reachable[provider])(
    "answers 422 on a dbgenerated field whose default the database lacks, saying so",
    async () => {
      const entry = db.model("Entry");
      const error = await caught(
        db.dataSource.create(entry, { scalars: { title: "a", note: "n" }, connect: {}, setMany: {} }),
      );
      expect(error.status).toBe(422);
      expect(error.fields).toEqual({ sortAt: expect.stringMatching(/database has no default/) });
      expect(error.message).toMatch(/sort at/i);
      expect(error.message).not.toMatch(/sort_at|prisma|constraint/i);

      const next = await caught(
        db.dataSource.create(entry, {
          scalars: { title: "a", note: "n", sortAt: new Date("2024-01-01T00:00:00Z") },
          connect: {},
          setMany: {},
        }),
      );
      expect(next.fields).toEqual({ rank: expect.stringMatching(/database has no default/) });
      expect(warnings).toEqual([]);
    },
  );

  it.skipIf(!reachable[provider])(
    "answers 422 naming a column the database requires although the schema does not",
    async () => {
      const error = await caught(
        db.dataSource.create(db.model("Entry"), {
          scalars: { title: "a", sortAt: new Date("2024-01-01T00:00:00Z"), rank: 1 },
          connect: {},
          setMany: {},
        }),
      );
      expect(error.status).toBe(422);
      expect(error.fields).toEqual({ note: "The database requires a value for this field" });
      expect(await db.client.entry.count()).toBe(0);
    },
  );

  it.skipIf(!reachable[provider])("creates the record once the values are given", async () => {
    const row = await db.dataSource.create(db.model("Entry"), {
      scalars: { title: "a", sortAt: new Date("2024-01-01T00:00:00Z"), rank: 1, note: "n" },
      connect: {},
      setMany: {},
    });
    expect(row).toMatchObject({ title: "a", rank: 1, note: "n" });
  });
});
