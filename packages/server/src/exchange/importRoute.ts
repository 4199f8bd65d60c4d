/**
 * `POST /api/import/{key}?format=csv|json|ndjson&dryRun=1&mapping=<JSON>&match=<$id|field|none>` with the file as
 * the body: a dry run answers what each row would do and every problem; without `dryRun` the rows are written all
 * or nothing (runImport.ts). Asked for `application/x-ndjson`, it answers progress lines as it goes.
 */
import { AtriumError, type ColumnMapping } from "@atrium/core";
import type { Context, Handler } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { progressStream, wantsProgress } from "../progress/progressStream.js";
import { resolveModel } from "../resolveModel.js";
import { exchangeScopeOf } from "./exportRoute.js";
import { type ImportFormat, importFormats } from "./importRecords.js";
import { type ImportProgress, type ImportRequest, runImport } from "./runImport.js";
import { spoolBody, tooLarge } from "./spoolBody.js";

export function importRoute(options: ResolvedOptions): Handler {
  return async (c) => {
    const key = c.req.param("key") ?? "";
    const scope = exchangeScopeOf(options, c);
    const model = resolveModel(options.schema, key);
    // Refused before the file is read: who may not write, and what says it is too big.
    scope.access.require(model, "view");
    if (!scope.access.can(model.key, "change")) scope.access.require(model, "add");
    const request = importRequest(c);
    const length = Number(c.req.header("content-length") ?? "0");
    if (length > options.maxImportBytes) throw tooLarge(options.maxImportBytes);
    const file = await spoolBody(c.req.raw.body, options.maxImportBytes);
    if (wantsProgress(c)) {
      return progressStream<ImportProgress>(c, options, {
        run: (onProgress, signal) => runImport(scope, key, file.open, request, { onProgress, signal }),
        cleanup: file.remove,
      });
    }
    try {
      return c.json(await runImport(scope, key, file.open, request));
    } finally {
      await file.remove();
    }
  };
}

/** Whether a request is an import, whose body is held to `maxImportBytes` instead of `maxBodyBytes`. */
export function isImportRequest(c: Context): boolean {
  return c.req.method === "POST" && /^\/api\/import\/[^/]+\/?$/.test(c.req.path);
}

function importRequest(c: Context): ImportRequest {
  const dryRun = c.req.query("dryRun");
  if (dryRun !== undefined && !["1", "true", "0", "false"].includes(dryRun)) {
    throw invalid("dryRun", "dryRun must be 1 or 0");
  }
  const match = c.req.query("match");
  return {
    format: formatOf(c),
    mapping: mappingOf(c.req.query("mapping")),
    match: match === undefined || match === "" ? undefined : match,
    dryRun: dryRun === "1" || dryRun === "true",
  };
}

const formatByType: Record<string, ImportFormat> = {
  "text/csv": "csv",
  "application/json": "json",
  "application/x-ndjson": "ndjson",
};

function formatOf(c: Context): ImportFormat {
  const named = c.req.query("format");
  if (named !== undefined) {
    if ((importFormats as readonly string[]).includes(named)) return named as ImportFormat;
    throw invalid("format", `format must be one of ${importFormats.join(", ")}`);
  }
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  const format = formatByType[type];
  if (format) return format;
  throw new AtriumError(
    "unsupported_media_type",
    `Say which format the file is in: ?format=csv, json or ndjson, or a Content-Type of ${Object.keys(formatByType).join(", ")}`,
  );
}

function mappingOf(text: string | undefined): ColumnMapping[] | undefined {
  if (text === undefined || text === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.every(
      (entry) =>
        typeof entry === "object" &&
        entry !== null &&
        typeof entry.column === "string" &&
        (entry.field === null || typeof entry.field === "string") &&
        (entry.by === undefined || typeof entry.by === "string"),
    );
  if (!valid) {
    throw invalid("mapping", 'mapping must be a JSON list such as [{"column": "Title", "field": "title"}]');
  }
  return parsed as ColumnMapping[];
}

function invalid(field: string, message: string): AtriumError {
  return new AtriumError("bad_request", message, { fields: { [field]: message } });
}
