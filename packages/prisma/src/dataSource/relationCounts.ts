/**
 * To-many relation counts, read for the rows at hand only. Prisma's `_count` select joins each row's query
 * against a GROUP BY over the whole related table (`LEFT JOIN (SELECT fk, COUNT(*) FROM child GROUP BY fk)`), so
 * a page of 50 orders grouped all 2.4 million order items on every request (500 ms, where the page itself takes
 * 0.25 ms). Here each relation is one statement over the page's keys, `WHERE fk IN (keys) GROUP BY fk`, which
 * the foreign key's index answers: a fixed number of statements per page (one per to-many relation), each
 * reading only the related rows of the page.
 */
import type { DatabaseProvider, FieldMeta, ModelMeta, SchemaMeta, StoredRow } from "@atrium/core";
import { findModel } from "./buildSelect.js";
import { decimalDigits } from "./decimalDigits.js";
import { countJoinRows } from "./joinTableCounts.js";
import { getDelegate, type QueryClient } from "./prismaClient.js";

/** What counting needs of the data source's settings (a SourceScope has it). */
export interface CountSettings {
  /** The full schema: a relation's other side may be hidden from the viewer's model, never from this. */
  schema: SchemaMeta;
  provider: DatabaseProvider;
}

/**
 * Sets on each row, in place, the count of every to-many relation of `model` (0 when nothing is related).
 * The rows must hold the fields the relations refer to (the id, or the @unique a relation references), as rows
 * read with the model's select do.
 */
export async function addRelationCounts(
  client: QueryClient,
  settings: CountSettings,
  model: ModelMeta,
  rows: StoredRow[],
): Promise<void> {
  const fields = model.fields.filter((field) => field.relation?.toMany);
  if (fields.length === 0 || rows.length === 0) return;
  for (const row of rows) for (const field of fields) row[field.name] = 0;
  // One after the other: inside a transaction they share one connection, which runs one statement at a time.
  for (const field of fields) {
    if (field.relation?.isManyToMany) await countManyToMany(client, settings, model, field, rows);
    else await countOneToMany(client, settings.schema, field, rows);
  }
}

async function countOneToMany(
  client: QueryClient,
  schema: SchemaMeta,
  field: FieldMeta,
  rows: StoredRow[],
): Promise<void> {
  const groups = await groupRelatedByKeys(client, schema, field, rows, { _count: { _all: true } });
  for (const { group, rows: related } of groups) {
    const counted = (group._count as { _all?: unknown } | undefined)?._all;
    for (const row of related) row[field.name] = Number(counted ?? 0);
  }
}

/**
 * One `groupBy` on the related model of the one-to-many `field`, by its foreign key, over the keys `rows` hold,
 * with `aggregates` (`_count`, `_sum`...): each group with the rows it belongs to. Rows without a key are in none.
 */
export async function groupRelatedByKeys(
  client: QueryClient,
  schema: SchemaMeta,
  field: FieldMeta,
  rows: StoredRow[],
  aggregates: Record<string, unknown>,
): Promise<{ group: Record<string, unknown>; rows: StoredRow[] }[]> {
  const related = findModel(schema, field.relation?.model ?? "");
  const back = related?.fields.find((candidate) => candidate.name === field.relation?.backField)?.relation;
  if (!related || !back || back.fromFields.length === 0) {
    throw new Error(`Cannot group ${field.name}: its other side in ${field.relation?.model} was not found`);
  }
  const keyed = rowsByKey(rows, back.toFields);
  if (keyed.size === 0) return [];
  const keys = [...keyed.values()].map((group) => group.values);
  const [single] = back.fromFields;
  const where =
    back.fromFields.length === 1 && single
      ? { [single]: { in: keys.map((values) => values[0]) } }
      : {
          OR: keys.map((values) => Object.fromEntries(back.fromFields.map((name, at) => [name, values[at]]))),
        };
  const groups = await getDelegate(client, related).groupBy({ by: back.fromFields, where, ...aggregates });
  return groups.map((group: Record<string, unknown>) => ({
    group,
    rows: keyed.get(keyText(back.fromFields.map((name) => group[name])))?.rows ?? [],
  }));
}

/** The rows of an implicit many-to-many relation's join table, counted per id of the rows. */
async function countManyToMany(
  client: QueryClient,
  settings: CountSettings,
  model: ModelMeta,
  field: FieldMeta,
  rows: StoredRow[],
): Promise<void> {
  const keyed = rowsByKey(rows, model.idFields);
  if (keyed.size === 0) return;
  const ids = [...keyed.values()].map((group) => group.values[0]);
  const counts = await countJoinRows(client, settings, model, field, ids);
  for (const { key, count } of counts) {
    for (const row of keyed.get(keyText([key]))?.rows ?? []) row[field.name] = count;
  }
}

/** The rows grouped by the values of `fields` (rows with an empty one relate to nothing and are left out). */
export function rowsByKey(
  rows: StoredRow[],
  fields: string[],
): Map<string, { values: unknown[]; rows: StoredRow[] }> {
  const keyed = new Map<string, { values: unknown[]; rows: StoredRow[] }>();
  for (const row of rows) {
    const values = fields.map((name) => row[name]);
    if (values.some((value) => value === null || value === undefined)) continue;
    const key = keyText(values);
    const group = keyed.get(key);
    if (group) group.rows.push(row);
    else keyed.set(key, { values, rows: [row] });
  }
  return keyed;
}

/**
 * Comparable text of key values as the rows hold them and as the database gives them back: a number or bigint
 * by its digits (a raw query may return either), a Decimal (object from Prisma, text in rows) by its digits, a
 * date by its instant, bytes by their hex.
 */
export function keyText(values: unknown[]): string {
  return JSON.stringify(values.map(valueText));
}

function valueText(value: unknown): unknown {
  if (typeof value === "bigint" || typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  return decimalDigits(value) ?? value;
}
