/**
 * `GET /api/export/{key}?format=csv|json|ndjson&<the list's q, sort, filter.*>` or `&ids=<$id>&ids=...`: the list
 * or the selection as a file download, streamed (exportRecords.ts).
 */
import type { Context, Handler } from "hono";
import { type ResolvedOptions, writeContext } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import type { ExchangeScope } from "./exchangeScope.js";
import { exportRecords } from "./exportRecords.js";

export function exportRoute(options: ResolvedOptions): Handler {
  return async (c) => {
    const key = c.req.param("key") ?? "";
    const file = await exportRecords(exchangeScopeOf(options, c), key, new URL(c.req.url).searchParams, {
      onStreamError: (error) =>
        options.logger(`atrium: the export of '${key}' failed while streaming`, error),
    });
    return c.body(file.body, 200, {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
    });
  };
}

/** The request's principal, writes and limits, as exports and imports use them. */
export function exchangeScopeOf(options: ResolvedOptions, c: Context): ExchangeScope {
  return {
    schema: options.schema,
    dataSource: options.dataSource,
    access: accessOf(c, options.schema),
    context: writeContext(options, c),
    limits: {
      maxIds: options.maxBulkIds,
      maxRows: options.maxImportRows,
      commitTimeoutMs: options.importTimeoutMs,
    },
  };
}
