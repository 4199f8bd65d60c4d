/**
 * To-many relation counts in groups a database can run. Prisma counts each relation of `_count` with a join of
 * its own, and SQLite joins at most 64 tables in a query, MySQL/MariaDB 61: the `User` of a large schema, with
 * dozens of relations pointing at it, could not be listed. A row's own query counts the first group; each
 * further group is one more query for all the rows of the page (a fixed number per page, never one per row).
 */
import type { ModelMeta, StoredRow } from "@atrium/core";
import { anyIdMatch, idKey, idOf, idSelect } from "./idWhere.js";
import { type Args, getDelegate, type QueryClient } from "./prismaClient.js";

/** Relations counted per query, leaving room for the joins of to-one relations and their labels. */
export const countsPerQuery = 20;

/** The to-many relations of a model, in groups of `countsPerQuery`; the first belongs in the row's own select. */
export function countGroups(model: ModelMeta): string[][] {
  const names = model.fields.filter((field) => field.relation?.toMany).map((field) => field.name);
  const groups: string[][] = [];
  for (let start = 0; start < names.length; start += countsPerQuery) {
    groups.push(names.slice(start, start + countsPerQuery));
  }
  return groups;
}

export function countSelect(names: string[]): Args {
  return { select: Object.fromEntries(names.map((name) => [name, true])) };
}

/**
 * Sets on rows read with the model's select (which counts the first group) the counts of the other groups, in
 * place. Writes call it after their transaction: the counts are not part of what they record, and each query
 * more inside would bring the transaction nearer its timeout.
 */
export async function addRemainingCounts(
  client: QueryClient,
  model: ModelMeta,
  rows: StoredRow[],
): Promise<void> {
  const remaining = countGroups(model).slice(1);
  if (remaining.length === 0 || rows.length === 0) return;
  const byId = new Map(rows.map((row) => [idKey(model, idOf(model, row)), row]));
  const where = anyIdMatch(
    model,
    rows.map((row) => idOf(model, row)),
  );
  for (const group of remaining) {
    const counted = await getDelegate(client, model).findMany({
      where,
      select: { ...idSelect(model), _count: countSelect(group) },
    });
    for (const found of counted) {
      const row = byId.get(idKey(model, idOf(model, found)));
      const counts = (found._count ?? {}) as Record<string, unknown>;
      if (row) for (const name of group) row[name] = Number(counts[name] ?? 0);
    }
  }
}
