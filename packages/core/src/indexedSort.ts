/**
 * Which sorts a database can read from an index. A page in the order of an index costs what page 1 costs; in
 * any other order the database reads and sorts every matching row first, which on a table of millions takes
 * longer than a request may (the order list sorted by an unindexed `total` took 486 ms at a million rows,
 * against 17 ms at 25,000). Lists bigger than the configured limit accept only sorts an index serves, and a
 * refusal says which index would serve it.
 */
import type { CountResult } from "./dataSource.js";
import { inSentence } from "./inSentence.js";
import type { SortSpec } from "./listQuery.js";
import { findField, type ModelMeta, type SchemaMeta } from "./metadata.js";

/**
 * The fields that lead an index of the model's table: reading that index walks the table in their order. Only
 * the leading field counts: Atrium's sorts end with the id fields, and the database finishes the order of the
 * few rows that share a value with a small sort of its own.
 */
export function indexLeadingFields(schema: SchemaMeta, model: ModelMeta): Set<string> {
  const leading = new Set<string>();
  const add = (name: string | undefined) => {
    if (name !== undefined) leading.add(name);
  };
  add(model.idFields[0]);
  for (const field of model.fields) if (field.isId || field.isUnique) add(field.name);
  for (const index of model.uniqueIndexes) add(index[0]);
  for (const index of model.indexes ?? []) {
    // A full-text, hash, GIN, GiST or BRIN index keeps no order to read rows in.
    if (index.kind !== "fulltext" && !index.algorithm) add(index.fields[0]);
  }
  // InnoDB indexes every foreign key it enforces (when none of the declared indexes already starts with it).
  // PostgreSQL and SQLite do not, and with relationMode = "prisma" there is no foreign key to index.
  if (schema.provider === "mysql" && schema.relationMode !== "prisma") {
    for (const field of model.fields) {
      if (field.relation && !field.relation.toMany) add(field.relation.fromFields[0]);
    }
  }
  return leading;
}

/**
 * Whether an index serves this sort: its first field leads an index of the table. A sort through a relation
 * (by the related record's label) never is: the database joins every row to its related one before it can
 * order them.
 */
export function sortIsIndexed(schema: SchemaMeta, model: ModelMeta, sort: readonly SortSpec[]): boolean {
  const first = sort[0];
  if (!first) return true;
  const [name, ...rest] = first.path;
  return rest.length === 0 && name !== undefined && indexLeadingFields(schema, model).has(name);
}

/**
 * Whether a list this size may only be sorted as an index serves: more rows than `limit` (0: no limit), or a
 * count that gave up before it knew. `countedUpTo` is the count's bound: past it the count is an estimate,
 * and when the bound is below the limit an estimate may not tell (undefined: count up to the limit to know).
 */
export function listNeedsIndexedSort(
  count: CountResult,
  limit: number,
  countedUpTo: number,
): boolean | undefined {
  if (limit <= 0) return false;
  if (count.total === null) return true;
  if (!count.isEstimate || count.total > limit) return count.total > limit;
  return countedUpTo >= limit ? true : undefined;
}

export interface SortRefusal {
  /** The list's bounded count, filters included. */
  count: CountResult;
  /** The configured limit (`unindexedSortLimit`). */
  limit: number;
  /** The most rows the count counted exactly: an estimate of exactly this many means "more than". */
  countedUpTo: number;
}

/** What a refused sort says: the list, how big it is, and what to do instead. */
export function sortNeedsIndexMessage(
  model: ModelMeta,
  sort: readonly SortSpec[],
  { count, limit, countedUpTo }: SortRefusal,
): string {
  const first = sort[0];
  const [name = "", ...rest] = first?.path ?? [];
  const field = findField(model, name);
  const what = `Sorting ${inSentence(model.labelPlural)} by ${field?.label ?? name}`;
  const size = `a list this size (${sizeText(count, countedUpTo)})`;
  if (first?.count) {
    return `Sorting ${inSentence(model.labelPlural)} by their number of ${inSentence(field?.label ?? name)} counts every related row on ${size}: no index can serve it; filter the list to ${rowsText(limit)} or fewer first`;
  }
  if (rest.length > 0) {
    return `${what} reads and sorts every row on ${size}: sort by a field of ${model.label} that has an index, or filter the list to ${rowsText(limit)} or fewer first`;
  }
  return `${what} needs an index on ${size}: add @@index([${name}]) to model ${model.name} in the Prisma schema, or filter the list to ${rowsText(limit)} or fewer first`;
}

function sizeText(count: CountResult, countedUpTo: number): string {
  if (count.total === null) return "more rows than could be counted in time";
  if (count.isEstimate && count.total > countedUpTo) return `about ${rowsText(count.total)}`;
  if (count.isEstimate) return `more than ${rowsText(count.total)}`;
  return rowsText(count.total);
}

function rowsText(rows: number): string {
  return `${rows.toLocaleString("en-US")} ${rows === 1 ? "row" : "rows"}`;
}
