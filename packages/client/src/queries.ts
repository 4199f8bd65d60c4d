import type { ModelMeta } from "@atrium/core";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { AdminApi } from "./createAdminApi.js";
import { type ListState, toApiParams } from "./listState.js";
import type { HistoryFilter, HistoryPage } from "./types.js";

/**
 * Query keys, defined once. Everything about one model sits under `records(key)` so a write can refresh
 * that model's lists, records and previews with a single invalidation.
 */
export const adminKeys = {
  all: ["atrium"] as const,
  meta: () => ["atrium", "meta"] as const,
  counts: () => ["atrium", "counts"] as const,
  allRecords: () => ["atrium", "records"] as const,
  /** Answers of the project's own routes; refreshed after every write, as they are usually made of records. */
  allRoutes: () => ["atrium", "routes"] as const,
  route: (name: string, path: string) => ["atrium", "routes", name, path] as const,
  records: (modelKey: string) => ["atrium", "records", modelKey] as const,
  list: (modelKey: string, params: string) => ["atrium", "records", modelKey, "list", params] as const,
  record: (modelKey: string, id: string) => ["atrium", "records", modelKey, "record", id] as const,
  deletePreview: (modelKey: string, id: string) =>
    ["atrium", "records", modelKey, "delete-preview", id] as const,
  lookup: (modelKey: string, search: string) => ["atrium", "records", modelKey, "lookup", search] as const,
  labels: (modelKey: string, ids: readonly string[]) =>
    ["atrium", "records", modelKey, "labels", ids.join("\u0000")] as const,
  /** Every audit read sits here: any write adds entries, so writes invalidate the whole branch. */
  allHistory: () => ["atrium", "history"] as const,
  history: (filter: HistoryFilter) => ["atrium", "history", filter] as const,
  historyEntry: (entryId: string) => ["atrium", "history", "entry", entryId] as const,
};

export type AdminQueries = ReturnType<typeof createQueries>;

/** `queryOptions` for every read of the API, shared by hooks, prefetching and tests. */
export function createQueries(api: AdminApi) {
  return {
    // The schema only changes with a server restart.
    meta: () =>
      queryOptions({
        queryKey: adminKeys.meta(),
        queryFn: ({ signal }) => api.meta(signal),
        staleTime: Infinity,
      }),
    counts: () =>
      queryOptions({
        queryKey: adminKeys.counts(),
        queryFn: ({ signal }) => api.counts(signal),
        staleTime: 30_000,
      }),
    list: (modelKey: string, state: ListState) => {
      const params = toApiParams(state);
      return queryOptions({
        queryKey: adminKeys.list(modelKey, params.toString()),
        queryFn: ({ signal }) => api.list(modelKey, params, signal),
      });
    },
    record: (modelKey: string, id: string) =>
      queryOptions({
        queryKey: adminKeys.record(modelKey, id),
        queryFn: ({ signal }) => api.get(modelKey, id, signal),
      }),
    deletePreview: (modelKey: string, id: string) =>
      queryOptions({
        queryKey: adminKeys.deletePreview(modelKey, id),
        queryFn: ({ signal }) => api.deletePreview(modelKey, id, signal),
        // A preview must describe the database as it is now, not as it was when first opened.
        staleTime: 0,
        gcTime: 0,
      }),
    lookup: (modelKey: string, search: string) =>
      queryOptions({
        queryKey: adminKeys.lookup(modelKey, search),
        queryFn: ({ signal }) => api.lookup(modelKey, search, signal),
        staleTime: 30_000,
      }),
    /** Pages of audit entries, newest first; `fetchNextPage` follows `nextBefore`. */
    history: (filter: HistoryFilter) =>
      infiniteQueryOptions({
        queryKey: adminKeys.history(filter),
        queryFn: ({ signal, pageParam }) => api.history(filter, pageParam, signal),
        initialPageParam: undefined as string | undefined,
        getNextPageParam: (last: HistoryPage) => last.nextBefore ?? undefined,
      }),
    /**
     * The current labels of some records of a single-id model, `$id` -> `$label` (one list request, filtered by
     * `in`); records that no longer exist are absent.
     */
    labels: (model: Pick<ModelMeta, "key" | "idFields">, ids: readonly string[]) =>
      queryOptions({
        queryKey: adminKeys.labels(model.key, ids),
        queryFn: async ({ signal }) => {
          const params = new URLSearchParams({
            [`filter.${model.idFields[0] ?? "id"}.in`]: ids.join(","),
            perPage: String(Math.min(200, Math.max(1, ids.length))),
          });
          const page = await api.list(model.key, params, signal);
          return new Map(page.data.map((row) => [row.$id, row.$label]));
        },
        staleTime: 60_000,
      }),
    // An entry never changes once written; only the count of what it caused can grow (with a revert).
    historyEntry: (entryId: string) =>
      queryOptions({
        queryKey: adminKeys.historyEntry(entryId),
        queryFn: ({ signal }) => api.historyEntry(entryId, signal),
        staleTime: 60_000,
      }),
  };
}
