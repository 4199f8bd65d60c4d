/**
 * A hub model with more to-many relations than a database joins in one query (SQLite: 64 tables, MySQL: 61),
 * as the `User` of a large application has: its rows still carry every relation's count, on every database.
 */
import type { IdValues, WriteData } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const leafModels = 3;
const relationsPerLeaf = 25;

/** Hub has leafModels × relationsPerLeaf to-many relations: one per optional key of each leaf. */
function hubSchema(): string {
  const hubFields: string[] = [];
  const leaves: string[] = [];
  for (let leaf = 0; leaf < leafModels; leaf += 1) {
    const lines = [`model Leaf${leaf} {`, "  id Int @id @default(autoincrement())"];
    for (let slot = 0; slot < relationsPerLeaf; slot += 1) {
      const name = `l${leaf}s${slot}`;
      lines.push(`  ${name}Id Int?`);
      lines.push(`  ${name} Hub? @relation("${name}", fields: [${name}Id], references: [id])`);
      hubFields.push(`  ${name}s Leaf${leaf}[] @relation("${name}")`);
    }
    leaves.push([...lines, "}"].join("\n"));
  }
  return [
    'datasource db {\n  provider = "sqlite"\n}',
    ["model Hub {", "  id Int @id @default(autoincrement())", "  name String", ...hubFields, "}"].join("\n"),
    ...leaves,
  ].join("\n\n");
}

const write = (scalars: Record<string, unknown>, connect: Record<string, IdValues> = {}): WriteData => ({
  scalars,
  connect,
  setMany: {},
});

const providers = [
  { provider: "sqlite" as const, reachable: true },
  { provider: "postgresql" as const, reachable: await databaseIsReachable("postgresql") },
  { provider: "mysql" as const, reachable: await databaseIsReachable("mysql") },
];

for (const { provider, reachable } of providers) {
  describe.skipIf(!reachable)(
    `a model with ${leafModels * relationsPerLeaf} to-many relations on ${provider}`,
    () => {
      let db: TestDatabase;
      beforeAll(async () => {
        db = await openTestDatabase("hub", { provider, schemaText: hubSchema() });
      }, 180_000);
      afterAll(async () => {
        await db?.close();
      });

      it("creates, lists, reads and updates it with every count", async () => {
        const hub = db.model("Hub");
        const created = await db.dataSource.create(hub, write({ name: "centre" }));
        expect(created.l2s24s).toBe(0);
        const id = { id: created.id };
        // Counts in the first, a middle and the last relation: each is read whichever query holds it.
        await db.dataSource.create(db.model("Leaf0"), write({}, { l0s0: id }));
        await db.dataSource.create(db.model("Leaf1"), write({}, { l1s12: id }));
        await db.dataSource.create(db.model("Leaf2"), write({}, { l2s24: id }));
        await db.dataSource.create(db.model("Leaf2"), write({}, { l2s24: id }));
        const expected = { l0s0s: 1, l0s1s: 0, l1s12s: 1, l2s23s: 0, l2s24s: 2 };

        const listed = await db.dataSource.list(hub, { page: 1, perPage: 10, sort: [], filters: [] });
        expect(listed.rows).toEqual([expect.objectContaining({ name: "centre", ...expected })]);
        const countFields = hub.fields.filter((field) => field.relation?.toMany).map((field) => field.name);
        expect(Object.keys(listed.rows[0] ?? {}).filter((name) => countFields.includes(name))).toHaveLength(
          leafModels * relationsPerLeaf,
        );
        expect(await db.dataSource.get(hub, id)).toEqual(expect.objectContaining(expected));
        const updated = await db.dataSource.update(hub, id, write({ name: "hub" }));
        expect(updated).toEqual(expect.objectContaining({ name: "hub", ...expected }));
      });
    },
  );
}
