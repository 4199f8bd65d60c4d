/**
 * Computed list columns that aggregate a one-to-many relation (config `list.computed`), read for the page's
 * rows only: one `groupBy` on the related model per relation, `WHERE fk IN (page keys) GROUP BY fk`, which the
 * foreign key's index answers, whatever the page size and however many columns share the relation. A `count`
 * alone costs nothing more: addRelationCounts already read it for the same keys.
 */
import {
  type ComputedColumnMeta,
  type ComputedValue,
  computedColumnsOf,
  computedKey,
  type FieldMeta,
  type ModelMeta,
  type SchemaMeta,
  type StoredRow,
} from "@atrium/core";
import { decimalDigits } from "./decimalDigits.js";
import type { QueryClient } from "./prismaClient.js";
import { groupRelatedByKeys } from "./relationCounts.js";

type Aggregate = Extract<ComputedColumnMeta, { kind: "aggregate" }>;

const prismaAggregate = { sum: "_sum", average: "_avg", min: "_min", max: "_max" } as const;

/**
 * Sets `row.$computed` on each row, in place, to the values of the model's aggregate columns. The rows must
 * hold the keys the relations refer to and, for a `count` alone, the relation's count (as addRelationCounts
 * leaves them).
 */
export async function addComputedAggregates(
  client: QueryClient,
  schema: SchemaMeta,
  model: ModelMeta,
  rows: StoredRow[],
): Promise<void> {
  const columns = computedColumnsOf(model).filter(
    (column): column is Aggregate => column.kind === "aggregate",
  );
  if (columns.length === 0 || rows.length === 0) return;
  for (const row of rows) row[computedKey] = {};
  const byRelation = new Map<string, Aggregate[]>();
  for (const column of columns)
    byRelation.set(column.relation, [...(byRelation.get(column.relation) ?? []), column]);
  // One after the other: inside a transaction they share one connection, which runs one statement at a time.
  for (const [relation, group] of byRelation) {
    const field = model.fields.find((candidate) => candidate.name === relation);
    if (!field)
      throw new Error(`Cannot compute ${group[0]?.name}: ${model.name} has no relation '${relation}'`);
    const counted = rows.every((row) => typeof row[relation] === "number");
    if (counted && group.every((column) => column.aggregate === "count")) {
      for (const row of rows)
        for (const column of group) valuesOf(row)[column.name] = row[relation] as number;
      continue;
    }
    await aggregateRelation(client, schema, field, group, rows);
  }
}

/** One `groupBy` on the related model, by its foreign key, over the keys the rows hold. */
async function aggregateRelation(
  client: QueryClient,
  schema: SchemaMeta,
  field: FieldMeta,
  columns: Aggregate[],
  rows: StoredRow[],
): Promise<void> {
  // Rows without a key relate to nothing: a count or a sum of nothing is 0, the others have no value.
  for (const row of rows) for (const column of columns) valuesOf(row)[column.name] = emptyValue(column);
  const aggregates: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.aggregate === "count") aggregates._count = { _all: true };
    else {
      const key = prismaAggregate[column.aggregate];
      aggregates[key] = { ...(aggregates[key] as object | undefined), [column.field ?? ""]: true };
    }
  }
  for (const { group, rows: related } of await groupRelatedByKeys(client, schema, field, rows, aggregates)) {
    for (const row of related) {
      for (const column of columns) valuesOf(row)[column.name] = groupValue(group, column);
    }
  }
}

function groupValue(group: Record<string, unknown>, column: Aggregate): ComputedValue {
  if (column.aggregate === "count") {
    return Number((group._count as { _all?: unknown } | undefined)?._all ?? 0);
  }
  const found = (group[prismaAggregate[column.aggregate]] as Record<string, unknown> | undefined)?.[
    column.field ?? ""
  ];
  return wireNumber(found) ?? emptyValue(column);
}

/**
 * A number as the list sends it: a JavaScript number when it is one exactly, else its digits (a BigInt sum, a
 * Decimal, which a float would round).
 */
function wireNumber(value: unknown): ComputedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  return decimalDigits(value) ?? String(value);
}

function emptyValue(column: Aggregate): ComputedValue {
  return column.aggregate === "count" || column.aggregate === "sum" ? 0 : null;
}

function valuesOf(row: StoredRow): Record<string, ComputedValue> {
  return row[computedKey] as Record<string, ComputedValue>;
}
