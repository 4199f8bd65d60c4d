/**
 * Generation over whole schemas on SQLite: every model of the shape schemas (composite ids, a model addressed by
 * a @unique only, self-relations, implicit and explicit many-to-many, one-to-one by unique and by shared key,
 * compound uniques, natural keys, keys shared by two relations, references to optional unique fields) and of the
 * scalar zoo gets its rows, audited one create each; the same seed writes the same rows; self-relations make
 * trees.
 */
import type { AuditRecord } from "@atrium/core";
import { afterAll, describe, expect, it } from "vitest";
import { comparableRows, type Generated, generateEverything, openSchema } from "./generateEverything.js";

const opened: Generated[] = [];
afterAll(async () => {
  for (const each of opened) await each.db.close();
});

/** Schema -> the models `--all` leaves out on SQLite. */
const cases: [string, string[]][] = [
  ["zoo/shapes", []],
  ["keys", []],
  // Relations sharing a required key column (a tenant id), under relationMode = "prisma".
  ["emulatedRelations", []],
  // Relations referencing an optional unique field, which some parents leave empty.
  ["uniqueReferences", []],
  // BigInt autoincrement ids, which SQLite does not number, and what needs them.
  ["zoo/scalars", ["LedgerEntry", "Attachment"]],
];

describe.each(cases)("every model of %s on SQLite", (name, leftOut) => {
  it("gets 20 rows, each audited as a create", async () => {
    const entries: AuditRecord[] = [];
    const audit = { record: async (_tx: unknown, entry: AuditRecord) => String(entries.push(entry)) };
    const generated = await generateEverything(await openSchema(name, "sqlite"), 20, 1, { audit });
    opened.push(generated);
    expect(generated.notGenerated.map((reason) => reason.split(/[. ]/)[0])).toEqual(leftOut);
    for (const [model, count] of generated.counts)
      expect(count, model).toBe(leftOut.includes(model) ? 0 : 20);
    expect(generated.result.steps.every((step) => step.skipped === 0)).toBe(true);
    expect(entries).toHaveLength(generated.result.created);
    expect(new Set(entries.map((entry) => entry.action))).toEqual(new Set(["create"]));
  });
});

describe("the same seed on the same database", () => {
  it("writes the same rows; another seed writes others", async () => {
    const runs = [];
    for (const seed of [9, 9, 10]) {
      const generated = await generateEverything(await openSchema("zoo/shapes", "sqlite"), 20, seed);
      opened.push(generated);
      runs.push(await comparableRows(generated.db));
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]?.Creator).not.toEqual(runs[0]?.Creator);
  });
});

describe("relations", () => {
  it("makes shallow trees of self-relations and links many-to-many rows", async () => {
    const generated = await generateEverything(await openSchema("zoo/shapes", "sqlite"), 40, 2);
    opened.push(generated);
    const { client } = generated.db;
    const categories = (await client.category.findMany({ select: { id: true, parentId: true } })) as {
      id: number;
      parentId: number | null;
    }[];
    const parentOf = new Map(categories.map((category) => [category.id, category.parentId]));
    const depth = (id: number): number => {
      const parent = parentOf.get(id);
      return parent === null || parent === undefined ? 0 : 1 + depth(parent);
    };
    const depths = categories.map((category) => depth(category.id));
    expect(depths.filter((value) => value === 0).length).toBeGreaterThan(1);
    expect(Math.max(...depths)).toBeGreaterThan(1);
    for (const category of categories)
      if (category.parentId !== null) expect(category.parentId).toBeLessThan(category.id);
    expect(await client.creator.count({ where: { following: { some: {} } } })).toBeGreaterThan(5);
    expect(await client.printStep.count({ where: { nextId: { not: null } } })).toBeGreaterThan(5);
  });
});
