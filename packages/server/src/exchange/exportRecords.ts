/**
 * An export: the records of a list (its filters, search and sort) or of a selection (`ids`), as a stream of CSV,
 * JSON or NDJSON that is written page by page while it is read, so a million rows take the memory of one page.
 *
 * The list is read as the list route reads it, through the same access: the principal's view of the model
 * (hidden and write-only fields absent, filters and sorts on them refused), the same query parser and the same
 * refusal of a sort the list is too big for, made once on a one-row page, the export's only count. The first
 * page is read before anything is answered, so a bad filter is a 400 and not a broken download. Pages are read
 * by keyset (ListQuery.bulk: no count, labels or relation counts), so a deep page costs what the first costs.
 */
import {
  AtriumError,
  decodeRecordId,
  encodeWireValue,
  exchangeFields,
  type FieldMeta,
  type ListQuery,
  type ModelMeta,
  parseListQuery,
  type StoredRow,
} from "@atrium/core";
import { resolveModel } from "../resolveModel.js";
import type { ExchangeScope } from "./exchangeScope.js";
import { exportEncoder, parseExportFormat } from "./exportFormats.js";

/** Rows read per query: big enough that a page's round trip is small beside its rows, small enough to hold. */
export const exportPageSize = 1000;

/** Parameters of the export itself; the list's own (page, perPage, cursor) are dropped: an export starts at the top. */
const ownParameters = new Set(["format", "ids", "page", "perPage", "cursor"]);

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

export interface ExportOptions {
  /** Called with an error that ends a download already under way (its first page was fine). */
  onStreamError?: (error: unknown) => void;
  /** @default new Date(): the date in the file name */
  now?: Date;
}

/** `params`: the list's query (q, sort, filter.*) plus `format` and repeated `ids`. */
export async function exportRecords(
  scope: ExchangeScope,
  modelKey: string,
  params: URLSearchParams,
  options: ExportOptions = {},
): Promise<ExportFile> {
  const { access } = scope;
  const model = resolveModel(scope.schema, modelKey);
  access.require(model, "view");
  const format = parseExportFormat(params.get("format"));
  const view = access.viewModel(model);
  const fields = exchangeFields(view);
  const ids = params.getAll("ids");
  const pages = ids.length > 0 ? selectionPages(scope, model, ids) : listPages(scope, model, params);
  // Read now: a refusal (bad filter, unindexed sort on a big list) is answered as such, not as a cut-off file.
  let pending: IteratorResult<StoredRow[]> | undefined = await pages.next();
  const encoder = exportEncoder(format, fields);
  const bytes = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const start = encoder.start();
      if (start) controller.enqueue(bytes.encode(start));
    },
    async pull(controller) {
      try {
        const page = pending ?? (await pages.next());
        pending = undefined;
        if (page.done) {
          const end = encoder.end();
          if (end) controller.enqueue(bytes.encode(end));
          controller.close();
          return;
        }
        if (page.value.length === 0) return;
        controller.enqueue(
          bytes.encode(
            encoder.rows(
              page.value.map((row) => wireRow(fields, row)),
              first,
            ),
          ),
        );
        first = false;
      } catch (error) {
        // The status is sent: ending the stream in error makes the client see a failed download, not a short file.
        options.onStreamError?.(error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  const day = (options.now ?? new Date()).toISOString().slice(0, 10);
  const selection = ids.length > 0 ? "-selection" : "";
  return {
    fileName: `${model.key}${selection}-${day}.${encoder.extension}`,
    contentType: encoder.contentType,
    body,
  };
}

function wireRow(fields: readonly FieldMeta[], row: StoredRow): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const field of fields) wire[field.name] = encodeWireValue(field, row[field.name] ?? null);
  return wire;
}

/** The list's rows page by page: the first page as the list reads it, the others by keyset, never counted. */
async function* listPages(
  scope: ExchangeScope,
  model: ModelMeta,
  params: URLSearchParams,
): AsyncGenerator<StoredRow[]> {
  const { access, dataSource } = scope;
  const listParams = new URLSearchParams();
  for (const [key, value] of params) if (!ownParameters.has(key)) listParams.append(key, value);
  listParams.set("perPage", String(exportPageSize));
  const unsearchable = access.unsearchable(model);
  const query: ListQuery = parseListQuery(access.view.schema, access.viewModel(model), listParams, {
    maxPerPage: exportPageSize,
    ...(unsearchable ? { unsearchable } : {}),
  });
  const source = access.dataModel(model);
  // The list's own checks (a sort the list is too big for is refused) on a one-row page: its count is the
  // export's only one, and no labels or relation counts are read for the rows the export writes.
  await dataSource.list(source, { ...query, perPage: 1 });
  let result = await dataSource.list(source, { ...query, bulk: true });
  yield result.rows;
  while (result.next) {
    result = await dataSource.list(source, { ...query, cursor: result.next, bulk: true });
    yield result.rows;
  }
}

/** The selected records, in the order given; ids of records deleted since are left out. */
async function* selectionPages(
  scope: ExchangeScope,
  model: ModelMeta,
  ids: string[],
): AsyncGenerator<StoredRow[]> {
  if (ids.length > scope.limits.maxIds) {
    const message = `Export at most ${scope.limits.maxIds} selected records at once, or export the list`;
    throw new AtriumError("bad_request", message, { fields: { ids: message } });
  }
  const decoded = ids.map((id) => decodeRecordId(model, id));
  const source = scope.access.dataModel(model);
  const [idField] = model.idFields;
  if (model.idFields.length !== 1 || idField === undefined) {
    // A compound id is no one column to filter on: each record is read by its id (ids are few).
    const rows: StoredRow[] = [];
    for (const id of decoded) {
      const row = await scope.dataSource.get(source, id);
      if (row) rows.push(row);
    }
    yield rows;
    return;
  }
  const query: ListQuery = {
    page: 1,
    perPage: ids.length,
    sort: [{ path: [idField], direction: "asc" }],
    filters: [{ path: [idField], op: "in", value: decoded.map((id) => id[idField]) }],
    bulk: true,
  };
  const { rows } = await scope.dataSource.list(source, query);
  const order = new Map(decoded.map((id, index) => [String(id[idField]), index]));
  yield rows.sort((a, b) => (order.get(String(a[idField])) ?? 0) - (order.get(String(b[idField])) ?? 0));
}
