import type { ModelAction } from "@atrium/auth";
import {
  AtriumError,
  decodeRecordId,
  decodeWrite,
  encodeListCursor,
  FieldErrorBag,
  type ListCursor,
  type ModelMeta,
  parseListQuery,
  type SearchMatch,
  type StoredRow,
  type WireRow,
  type WriteData,
  withComputedColumns,
} from "@atrium/core";
import type { Context } from "hono";
import { type ResolvedOptions, writeContext } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import { computedColumnsFor } from "../computed/computedColumnsFor.js";
import { addComputedValues } from "../computed/computedValues.js";
import { readInlineRows } from "../inlines/readInlineRows.js";
import { saveWithInlines } from "../inlines/saveWithInlines.js";
import { resolveModel } from "../resolveModel.js";

/** One page of a list, as `GET /api/records/{key}` answers it. */
export interface ListAnswer {
  data: WireRow[];
  total: number | null;
  totalIsEstimate: boolean;
  /** Null for a page read by `cursor`: where it sits in the list is not known. */
  page: number | null;
  perPage: number;
  /** The `cursor` of the page after this one; null on the last page; absent when sorted by a computed count. */
  nextCursor?: string | null;
  /** The `cursor` of the page before this one; null on the first page; absent when sorted by a computed count. */
  prevCursor?: string | null;
  /**
   * True when the list is too big to sort without an index (`unindexedSortLimit`): only sorts led by a field
   * that leads an index are accepted; others answer 400 `sort_needs_index`.
   */
  sortNeedsIndex: boolean;
  /** How `q` matches on this list now: anywhere in a search field, or at its start. */
  searchMatch: SearchMatch;
}

/**
 * Record reads and writes as the request's principal: their model permissions are checked, hidden fields are
 * neither read nor written, and writes are audited with them as the actor. Bodies, ids and list parameters are
 * the wire format of the HTTP API (`$id` strings, `?sort=-title&perPage=50`, `{ title, $version }`).
 */
export interface RecordActions {
  /** `params` as in `GET /api/records/{key}?...` (page, perPage, sort, q, filters, cursor). */
  list(modelKey: string, params?: URLSearchParams | Record<string, string>): Promise<ListAnswer>;
  /** Null when no record has this `$id`. */
  get(modelKey: string, id: string): Promise<WireRow | null>;
  create(modelKey: string, body: unknown): Promise<WireRow>;
  /** A `$version` in the body makes the update fail with 409 when the record changed since. */
  update(modelKey: string, id: string, body: unknown): Promise<WireRow>;
  /** `version`: the `$version` the caller saw; a stale one answers 409 conflict and deletes nothing. */
  delete(modelKey: string, id: string, version?: string): Promise<void>;
}

/** The record operations of one request, shared by `/api/records` and the custom routes of `defineRoutes`. */
export function recordActions(options: ResolvedOptions, c: Context): RecordActions {
  const { schema, dataSource } = options;
  const access = accessOf(c, schema);
  /** The model, once the principal may do `action` on it. */
  const allowed = (modelKey: string, action: ModelAction): ModelMeta => {
    const target = resolveModel(schema, modelKey);
    access.require(target, action);
    return target;
  };
  const decodeBody = (target: ModelMeta, body: unknown, mode: "create" | "update") =>
    decodeWrite(access.view.writeSchema, access.writeModel(target), body, mode);
  /** The parent's fields and its inlines' rows (`$inlines`), every problem of both in one 422. */
  const decodeWithInlines = (target: ModelMeta, body: unknown, mode: "create" | "update") => {
    const errors = new FieldErrorBag();
    let data: WriteData | undefined;
    try {
      data = decodeBody(target, body, mode);
    } catch (error) {
      if (!(error instanceof AtriumError && error.code === "validation_failed" && error.fields)) throw error;
      for (const [field, message] of Object.entries(error.fields)) errors.add(field, message);
    }
    const inlines = readInlineRows(schema, access, target, body, mode, errors);
    errors.throwIfAny("validation_failed", target.label);
    return { data: data as WriteData, inlines };
  };

  return {
    async list(modelKey, params = {}) {
      const target = allowed(modelKey, "view");
      const unsearchable = access.unsearchable(target);
      const search = params instanceof URLSearchParams ? params : new URLSearchParams(params);
      const query = parseListQuery(access.view.schema, access.viewModel(target), search, {
        maxPerPage: options.maxPerPage,
        ...(unsearchable ? { unsearchable } : {}),
      });
      const computed = computedColumnsFor(access, schema, target);
      const result = await dataSource.list(withComputedColumns(access.dataModel(target), computed), query);
      const functions = options.computedValues.get(target.key);
      // Encoded with the user's view of the model: the sort (checked against it) is all a cursor holds.
      const cursorText = (cursor: ListCursor | null | undefined) =>
        cursor ? encodeListCursor(access.view.schema, access.viewModel(target), query.sort, cursor) : null;
      return {
        data: result.rows.map((row) =>
          addComputedValues(access.serialize(target, row), row, computed, functions),
        ),
        total: result.total,
        totalIsEstimate: result.totalIsEstimate,
        page: query.cursor ? null : query.page,
        perPage: query.perPage,
        // Sorted by a count, the list pages by number: no cursor can seek by it, so none is offered.
        ...(query.sort.some((spec) => spec.count)
          ? {}
          : { nextCursor: cursorText(result.next), prevCursor: cursorText(result.prev) }),
        sortNeedsIndex: result.sortNeedsIndex === true,
        searchMatch: result.searchMatch ?? "contains",
      };
    },

    async get(modelKey, id) {
      const target = allowed(modelKey, "view");
      const row = await dataSource.get(target, decodeRecordId(target, id));
      return row ? access.serialize(target, row) : null;
    },

    async create(modelKey, body) {
      const target = allowed(modelKey, "add");
      const { data, inlines } = decodeWithInlines(target, body, "create");
      const missing = access.hiddenRequired(target).map((field) => field.label);
      if (missing.length > 0) {
        throw new AtriumError(
          "validation_failed",
          `${target.labelPlural} cannot be created in the admin: ${missing.join(", ")} is required but hidden; create them in your application`,
        );
      }
      if (inlines.length > 0) {
        const context = writeContext(options, c);
        const row = await saveWithInlines(dataSource, access, { target, data, context }, inlines);
        return access.serialize(target, row);
      }
      const answer = answerOf((row) => access.serialize(target, row));
      const row = await dataSource.create(target, data, {
        ...writeContext(options, c),
        beforeCommit: answer.build,
      });
      return answer.get(row);
    },

    async update(modelKey, id, body) {
      const target = allowed(modelKey, "change");
      const recordId = decodeRecordId(target, id);
      const { data, inlines } = decodeWithInlines(target, body, "update");
      const expectedVersion = versionOf((body as { $version?: unknown }).$version, "$version");
      if (inlines.length > 0) {
        const context = writeContext(options, c);
        const parent = {
          target,
          data,
          context,
          id: recordId,
          ...(expectedVersion ? { expectedVersion } : {}),
        };
        const row = await saveWithInlines(dataSource, access, parent, inlines).catch((error: unknown) =>
          Promise.reject(access.redactError(target, error)),
        );
        return access.serialize(target, row);
      }
      const answer = answerOf((row) => access.serialize(target, row));
      const row = await dataSource
        .update(target, recordId, data, {
          ...writeContext(options, c),
          expectedVersion,
          beforeCommit: answer.build,
        })
        .catch((error: unknown) => Promise.reject(access.redactError(target, error)));
      return answer.get(row);
    },

    async delete(modelKey, id, version) {
      const target = allowed(modelKey, "delete");
      const expectedVersion = versionOf(version, "version");
      await dataSource
        .delete(target, decodeRecordId(target, id), { ...writeContext(options, c), expectedVersion })
        .catch((error: unknown) => Promise.reject(access.redactError(target, error)));
    },
  };
}

/**
 * The `$version` a write was made from (PATCH body `$version`, DELETE `?version=`); absent means "whatever is
 * stored", for API clients that do not track versions.
 */
export function versionOf(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "" || value.length > 100) {
    const message = "Expected the $version text of the record as it was loaded";
    throw new AtriumError("bad_request", message, { fields: { [name]: message } });
  }
  return value;
}

/**
 * The answer to a write, built inside its transaction (WriteContext.beforeCommit): a row that cannot be
 * answered with rolls the write back instead of answering 500 after it. A data source that does not call the
 * hook gets it built afterwards.
 */
function answerOf(serialize: (row: StoredRow) => WireRow) {
  let built: WireRow | undefined;
  return {
    build(row: StoredRow): void {
      built = serialize(row);
    },
    get: (row: StoredRow): WireRow => built ?? serialize(row),
  };
}
