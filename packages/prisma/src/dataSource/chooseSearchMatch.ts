/**
 * Which match `q` gets on a model (searchMatch.ts in core): the configured one, or for `auto` a prefix match on
 * a table bigger than `unindexedSortLimit` whose search fields all have an index that serves it. The size is
 * the database's own estimate (tableEstimate.ts), or a count bounded at the limit when it has none; it is read
 * only for models where the answer could be `prefix`.
 */
import { autoSearchMatch, type ModelMeta, prefixMayApply, type SearchMatch } from "@atrium/core";
import { getDelegate } from "./prismaClient.js";
import type { SourceScope } from "./sourceScope.js";
import { estimateTableRows } from "./tableEstimate.js";

/** `isBig`: what the caller already knows of the table's size (an unfiltered list's count); undefined: not known. */
export async function chooseSearchMatch(
  scope: SourceScope,
  model: ModelMeta,
  isBig?: boolean,
): Promise<SearchMatch> {
  const { schema, searchMode, unindexedSortLimit: limit } = scope;
  if (searchMode !== "auto") return searchMode;
  if (limit <= 0 || !prefixMayApply(schema, model)) return "contains";
  if (isBig !== undefined) return isBig ? "prefix" : "contains";
  const rows =
    (await estimateTableRows(scope.client, scope.provider, model)) ??
    (await getDelegate(scope.client, model).count({ take: limit + 1 }));
  return autoSearchMatch(schema, model, rows, limit);
}
