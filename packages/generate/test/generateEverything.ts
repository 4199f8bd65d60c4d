/**
 * The shared body of the per-database suites: every model of a test schema generated at once (`--all`), then
 * the rows of every model read back.
 */
import { readFile } from "node:fs/promises";
import type { DatabaseProvider, ModelMeta, SchemaMeta, WriteContext } from "@atrium/core";
import { openTestDatabase, type TestDatabase } from "@atrium/prisma/testing";
import { type GenerateResult, generateRecords, orderForAll } from "../src/index.js";

export interface Generated {
  db: TestDatabase;
  result: GenerateResult;
  /** Model name -> rows in the database after the generation. */
  counts: Map<string, number>;
  /** Models `--all` left out, with the reason. */
  notGenerated: string[];
}

/** A schema of @atrium/prisma's test schemas (`zoo/shapes`, `keys`), on a fresh database. */
export async function openSchema(name: string, provider: DatabaseProvider): Promise<TestDatabase> {
  const url = new URL(`../../prisma/test/schemas/${name}.prisma`, import.meta.url);
  return openTestDatabase(name.replace("/", "-"), { provider, schemaText: await readFile(url, "utf8") });
}

export async function generateEverything(
  db: TestDatabase,
  count: number,
  seed: number,
  context?: WriteContext,
): Promise<Generated> {
  const { models, skipped } = orderForAll(db.schema);
  const result = await generateRecords({
    schema: db.schema,
    dataSource: db.dataSource,
    targets: models.map((model) => ({ model, count })),
    seed,
    ...(context ? { context } : {}),
  });
  const counts = new Map<string, number>();
  for (const model of db.schema.models)
    counts.set(model.name, (await db.dataSource.count(model)).total ?? -1);
  return { db, result, counts, notGenerated: skipped.map((entry) => entry.reason) };
}

/** Prisma Client draws these ids itself, from its own randomness: they differ between two runs of a seed. */
const clientRandom = new Set(["uuid", "cuid", "nanoid", "ulid"]);

/**
 * Every row of every model, without the values Prisma Client draws at random (and the keys pointing at them),
 * in id order: what the same seed must reproduce.
 */
export async function comparableRows(db: TestDatabase): Promise<Record<string, unknown[]>> {
  const random = (model: ModelMeta, field: string) =>
    clientRandom.has(model.fields.find((candidate) => candidate.name === field)?.default?.kind ?? "");
  const rows: Record<string, unknown[]> = {};
  for (const model of db.schema.models) {
    const excluded = new Set(
      model.fields.filter((field) => random(model, field.name)).map((field) => field.name),
    );
    for (const field of model.fields) {
      const relation = field.relation;
      const parent = relation && findModel(db.schema, relation.model);
      if (parent && relation.toFields.some((name) => random(parent, name))) {
        for (const name of relation.fromFields) excluded.add(name);
      }
    }
    const fields = model.fields
      .filter((field) => field.kind !== "relation" && field.type !== "Unsupported" && !field.isUpdatedAt)
      .map((field) => field.name);
    const read = await db.dataSource.readValues(model, fields, 10_000);
    const kept = read.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([name]) => !excluded.has(name))),
    );
    // Sorted by content: rows keyed by random ids come back in another order each run.
    rows[model.name] = kept.sort((a, b) => sortText(a).localeCompare(sortText(b)));
  }
  return rows;
}

function sortText(row: Record<string, unknown>): string {
  return JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? String(value) : value));
}

function findModel(schema: SchemaMeta, name: string): ModelMeta | undefined {
  return schema.models.find((model) => model.name === name);
}
