/**
 * One page of a list, its bounded count, and what the list allows at its size. A sort an index serves reads
 * its page while the count runs. Any other sort counts first: on a list bigger than `unindexedSortLimit` the
 * database would read and sort every matching row for each page, so the sort is refused (400
 * `sort_needs_index`, naming the index that would serve it) before that query starts. A search matches as
 * chooseSearchMatch.ts decides.
 */
import {
  AtriumError,
  type CountResult,
  type ListQuery,
  type ListResult,
  listNeedsIndexedSort,
  type ModelMeta,
  type SearchMatch,
  sortIsIndexed,
  sortNeedsIndexMessage,
} from "@atrium/core";
import { shapeRow } from "./buildSelect.js";
import { buildWhere } from "./buildWhere.js";
import { chooseSearchMatch } from "./chooseSearchMatch.js";
import { addComputedAggregates } from "./computedAggregates.js";
import { countRows } from "./countRows.js";
import { readPage } from "./keysetPage.js";
import type { Args } from "./prismaClient.js";
import { addRelationCounts } from "./relationCounts.js";
import { attachReferences } from "./relationLabels.js";
import type { SourceScope } from "./sourceScope.js";

export async function listRecords(
  scope: SourceScope,
  model: ModelMeta,
  query: ListQuery,
): Promise<ListResult> {
  const { schema, provider, unindexedSortLimit: limit } = scope;
  // An unfiltered list's count tells the table's size for free; a search needs its match before it runs.
  const unfiltered = query.filters.length === 0 && !query.search;
  const searchMatch = unfiltered ? undefined : await chooseSearchMatch(scope, model);
  const where = buildWhere({
    schema,
    model,
    filters: query.filters,
    search: query.search,
    provider,
    searchMatch,
  });
  const count = (bound: number) =>
    countRows({
      client: scope.client,
      model,
      where,
      maxExactCount: bound,
      provider,
      budgetMs: scope.countBudgetMs,
    });
  if (query.bulk) return bulkPage(scope, model, query, where, searchMatch);
  const page = async () => {
    const read = await readPage({
      client: scope.client,
      schema,
      model,
      provider,
      query,
      where,
      select: scope.columnsOf(model),
    });
    await attachReferences(scope.client, schema, model, read.rows);
    const rows = read.rows.map((row) => shapeRow(schema, model, row));
    await addRelationCounts(scope.client, scope, model, rows);
    await addComputedAggregates(scope.client, schema, model, rows);
    return { ...read, rows };
  };

  let counted: CountResult;
  let read: Awaited<ReturnType<typeof page>>;
  if (limit <= 0 || sortIsIndexed(schema, model, query.sort)) {
    [read, counted] = await Promise.all([page(), count(scope.maxExactCount)]);
  } else {
    counted = await count(scope.maxExactCount);
    await refuseUnindexedSort(model, query, counted, limit, scope.maxExactCount, count);
    read = await page();
  }
  const big = listNeedsIndexedSort(counted, limit, scope.maxExactCount);
  return {
    rows: read.rows,
    total: counted.total,
    totalIsEstimate: counted.isEstimate,
    next: read.next,
    prev: read.prev,
    // Undecided (counts bounded below the limit): offered; a sort it cannot serve is still refused.
    sortNeedsIndex: big === true,
    // What the search box says: how `q` matches on this model now (its table's size, for `auto`).
    searchMatch: searchMatch ?? (await chooseSearchMatch(scope, model, big)),
  };
}

/** ListQuery.bulk: the page's own columns, and the cursor to the next; nothing counted, labelled or joined. */
async function bulkPage(
  scope: SourceScope,
  model: ModelMeta,
  query: ListQuery,
  where: Args,
  searchMatch: SearchMatch | undefined,
): Promise<ListResult> {
  const read = await readPage({
    client: scope.client,
    schema: scope.schema,
    model,
    provider: scope.provider,
    query,
    where,
    select: scope.columnsOf(model),
  });
  return {
    rows: read.rows.map((row) => shapeRow(scope.schema, model, row)),
    total: null,
    totalIsEstimate: false,
    next: read.next,
    prev: read.prev,
    ...(searchMatch ? { searchMatch } : {}),
  };
}

/** Throws `sort_needs_index` when the list is over the limit, counting up to the limit if the count did not. */
async function refuseUnindexedSort(
  model: ModelMeta,
  query: ListQuery,
  counted: CountResult,
  limit: number,
  countedUpTo: number,
  count: (bound: number) => Promise<CountResult>,
): Promise<void> {
  let refusal = { count: counted, limit, countedUpTo };
  let needsIndex = listNeedsIndexedSort(counted, limit, countedUpTo);
  if (needsIndex === undefined) {
    refusal = { count: await count(limit), limit, countedUpTo: limit };
    needsIndex = listNeedsIndexedSort(refusal.count, limit, limit);
  }
  if (!needsIndex) return;
  throw new AtriumError("sort_needs_index", sortNeedsIndexMessage(model, query.sort, refusal), {
    fields: { sort: "needs an index at this size" },
  });
}
