import type { FieldMeta, ModelMeta } from "@atrium/core";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useAdmin } from "./AdminProvider.js";
import type { ListState } from "./listState.js";
import { adminKeys } from "./queries.js";
import type { HistoryFilter, Row } from "./types.js";

/** Every model and enum the signed-in user may view (`GET /api/meta`); loaded once per session. */
export function useMeta() {
  const { queries } = useAdmin();
  return useQuery(queries.meta());
}

/** The models the user may view, `[]` while loading; the query's state (`isPending`, `error`) beside. */
export function useModels() {
  const meta = useMeta();
  return { ...meta, models: meta.data?.models ?? [] };
}

/**
 * The metadata of one model by URL key (`order-item`) or schema name (`OrderItem`); `model` is undefined while
 * loading, and `isUnknown` true for a model that does not exist or the user may not view.
 */
export function useModel(modelKey: string | undefined) {
  const meta = useMeta();
  const model = modelKey
    ? (meta.data?.models.find((candidate) => candidate.key === modelKey) ??
      meta.data?.models.find((candidate) => candidate.name === modelKey))
    : undefined;
  return { ...meta, model, isUnknown: meta.isSuccess && !model };
}

/** The model a relation field points at. */
export function useRelatedModel(field: FieldMeta | undefined): ModelMeta | undefined {
  const meta = useMeta();
  if (!field?.relation) return undefined;
  const name = field.relation.model;
  return meta.data?.models.find((model) => model.name === name);
}

/** Record counts of every model (estimates on big tables), refreshed after each write. */
export function useCounts() {
  const { queries } = useAdmin();
  return useQuery(queries.counts());
}

/** A page of records; the previous page stays on screen while the next one loads. */
export function useRecordList(modelKey: string, state: ListState, options: { enabled?: boolean } = {}) {
  const { queries } = useAdmin();
  return useQuery({
    ...queries.list(modelKey, state),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

/** One record by `$id`, in the same cache entry the record page and edit form use. */
export function useRecord(modelKey: string | undefined, id: string | undefined) {
  const { queries } = useAdmin();
  return useQuery({ ...queries.record(modelKey ?? "", id ?? ""), enabled: Boolean(modelKey && id) });
}

/** `$id` + `$label` of records matching `search`, as the relation pickers show them. */
export function useLookup(modelKey: string | undefined, search: string, enabled = true) {
  const { queries } = useAdmin();
  return useQuery({
    ...queries.lookup(modelKey ?? "", search),
    enabled: enabled && Boolean(modelKey),
    placeholderData: keepPreviousData,
  });
}

/** What deleting a record would also delete or block, as the delete dialog shows it. */
export function useDeletePreview(modelKey: string, id: string | undefined) {
  const { queries } = useAdmin();
  return useQuery({ ...queries.deletePreview(modelKey, id ?? ""), enabled: Boolean(id) });
}

/**
 * Refreshes what a write may have changed: every model's records (cascades reach other models) and counts.
 * Delete previews are left alone: one refetched after its record is gone would only report "not found".
 */
function useInvalidateAfterWrite() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({
        queryKey: adminKeys.allRecords(),
        predicate: (query) => query.queryKey[3] !== "delete-preview",
      }),
      client.invalidateQueries({ queryKey: adminKeys.counts() }),
      client.invalidateQueries({ queryKey: adminKeys.allRoutes() }),
      client.invalidateQueries({ queryKey: adminKeys.allHistory() }),
    ]);
}

/** Audit entries matching `filter`, newest first, paged with `fetchNextPage`. */
export function useHistory(filter: HistoryFilter, options: { enabled?: boolean } = {}) {
  const { queries } = useAdmin();
  return useInfiniteQuery({ ...queries.history(filter), enabled: options.enabled });
}

/**
 * Current labels of records named by `$id` (e.g. a many-to-many set in the history), for models with one id
 * field and ids without commas; otherwise, or while loading, the map is empty and callers show the ids.
 */
export function useRecordLabels(model: ModelMeta | undefined, ids: readonly string[]) {
  const { queries } = useAdmin();
  const usable =
    model !== undefined &&
    model.idFields.length === 1 &&
    ids.length > 0 &&
    ids.length <= 200 &&
    ids.every((id) => !id.includes(","));
  const sorted = [...ids].sort();
  return useQuery({
    ...queries.labels(model ?? { key: "", idFields: [] }, sorted),
    enabled: usable,
  });
}

/** One audit entry, e.g. the delete another entry followed from. */
export function useHistoryEntry(entryId: string | null) {
  const { queries } = useAdmin();
  return useQuery({ ...queries.historyEntry(entryId ?? ""), enabled: Boolean(entryId) });
}

/** Undoes one audit entry, then refreshes records, counts and history like any write. */
export function useRevertEntry() {
  const { api } = useAdmin();
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: (entryId: string) => api.revert(entryId),
    onSuccess: async () => {
      await invalidate();
    },
  });
}

/** What a delete sends: the `$id`s and, per `$id`, the `$version` the user saw (stale ones answer 409). */
export interface DeleteTarget {
  ids: string[];
  versions?: Record<string, string>;
}

/** Creates a record (`mutate(body)`); lists, counts and history everywhere refresh afterwards. */
export function useCreateRecord(modelKey: string) {
  const { api } = useAdmin();
  const client = useQueryClient();
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.create(modelKey, body),
    onSuccess: async (row: Row) => {
      client.setQueryData(adminKeys.record(modelKey, row.$id), row);
      await invalidate();
    },
  });
}

/**
 * Changes a record (`mutate({ id, body })`; put the `$version` you read in `body` to refuse a stale edit with
 * 409). The record's cache entry takes the answer and every list refreshes, so generated pages show the edit.
 */
export function useUpdateRecord(modelKey: string) {
  const { api } = useAdmin();
  const client = useQueryClient();
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      api.update(modelKey, id, body),
    onSuccess: async (row: Row, { id }) => {
      client.setQueryData(adminKeys.record(modelKey, row.$id), row);
      // An edit of an id field gives the record a new `$id`.
      if (row.$id !== id) client.removeQueries({ queryKey: adminKeys.record(modelKey, id) });
      await invalidate();
    },
  });
}

/** Deletes records (`mutate([id])` or `mutate({ ids, versions })`); lists and counts refresh afterwards. */
export function useDeleteRecords(modelKey: string) {
  const { api } = useAdmin();
  const client = useQueryClient();
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: async (target: string[] | DeleteTarget) => {
      const { ids, versions } = Array.isArray(target) ? { ids: target, versions: undefined } : target;
      if (ids.length === 1 && ids[0] !== undefined) {
        await api.remove(modelKey, ids[0], versions?.[ids[0]]);
        return 1;
      }
      return api.removeMany(modelKey, ids, versions);
    },
    onSuccess: async (_deleted, target) => {
      const ids = Array.isArray(target) ? target : target.ids;
      // Dropped, not refetched: the page still showing a deleted record must not flash a 404.
      for (const id of ids) {
        client.removeQueries({ queryKey: adminKeys.record(modelKey, id) });
        client.removeQueries({ queryKey: adminKeys.deletePreview(modelKey, id) });
      }
      await invalidate();
    },
  });
}

/**
 * A GET of one of the project's own routes (`defineRoutes(name, ...)`), cached like the admin's own reads and
 * refreshed after every record write: `useRouteQuery<Summary>("sales", "/pending")`.
 */
export function useRouteQuery<T>(name: string, path: string, options: { enabled?: boolean } = {}) {
  const { api } = useAdmin();
  return useQuery({
    queryKey: adminKeys.route(name, path),
    queryFn: ({ signal }) => api.route<T>(name, "GET", path, { signal }),
    enabled: options.enabled ?? true,
  });
}
