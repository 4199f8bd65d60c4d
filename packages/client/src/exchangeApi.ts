/**
 * Export and import (`GET /api/export/{key}`, `POST /api/import/{key}`): the URL a download link points at, the
 * dry run of a file, and its commit with progress (the route's NDJSON answer).
 */
import { parseApiError } from "./ApiError.js";
import { ndjsonType, type RawPost, readProgress } from "./progressLines.js";

export type ExchangeFormat = "csv" | "json" | "ndjson";

/** One column of an imported file and the field it fills (`null`: left out); `by` as in the API. */
export interface ImportColumnMapping {
  column: string;
  field: string | null;
  by?: string;
}

export interface ImportRequest {
  format: ExchangeFormat;
  /** The user's choices; columns it does not name keep what their names suggest. */
  mapping?: ImportColumnMapping[];
  /** `"$id"`, a unique field's name, or `"none"`. @default "$id" when the id has a column */
  match?: string;
}

export interface ImportRowError {
  row: number;
  field: string | null;
  message: string;
}

export interface ImportDryRun {
  columns: string[];
  mapping: ImportColumnMapping[];
  match: string;
  rows: { row: number; action: "create" | "update"; id?: string }[];
  errors: ImportRowError[];
  errorCount: number;
  summary: { rows: number; create: number; update: number; invalid: number };
}

export interface ImportProgressLine {
  phase: "checking" | "writing";
  done: number;
  total: number | null;
}

export interface ImportResult {
  created: number;
  updated: number;
}

export interface ExchangeApi {
  /** Where a download of the list (`params`: its q, sort and filter.*) or of `ids` is. */
  exportUrl(modelKey: string, format: ExchangeFormat, params: URLSearchParams): string;
  dryRun(modelKey: string, file: Blob, request: ImportRequest, signal?: AbortSignal): Promise<ImportDryRun>;
  /** All or nothing; a file with problems is refused with ApiError 422 (`details.errors`). */
  commit(
    modelKey: string,
    file: Blob,
    request: ImportRequest,
    hooks?: { onProgress?: (line: ImportProgressLine) => void; signal?: AbortSignal },
  ): Promise<ImportResult>;
}

const contentTypes: Record<ExchangeFormat, string> = {
  csv: "text/csv",
  json: "application/json",
  ndjson: "application/x-ndjson",
};

export function exchangeApi(baseUrl: string, send: RawPost): ExchangeApi {
  const seg = encodeURIComponent;
  const importPath = (modelKey: string, request: ImportRequest, dryRun: boolean) => {
    const params = new URLSearchParams({ format: request.format });
    if (dryRun) params.set("dryRun", "1");
    if (request.mapping) params.set("mapping", JSON.stringify(request.mapping));
    if (request.match) params.set("match", request.match);
    return `/api/import/${seg(modelKey)}?${params}`;
  };
  const post = (
    modelKey: string,
    file: Blob,
    request: ImportRequest,
    dryRun: boolean,
    accept: string,
    signal?: AbortSignal,
  ) =>
    send(importPath(modelKey, request, dryRun), {
      body: file,
      contentType: contentTypes[request.format],
      accept,
      ...(signal ? { signal } : {}),
    });
  return {
    exportUrl(modelKey, format, params) {
      const query = new URLSearchParams(params);
      query.set("format", format);
      return `${baseUrl}/api/export/${seg(modelKey)}?${query}`;
    },
    async dryRun(modelKey, file, request, signal) {
      const response = await post(modelKey, file, request, true, "application/json", signal);
      const text = await response.text();
      if (!response.ok) throw parseApiError(response.status, text);
      return JSON.parse(text) as ImportDryRun;
    },
    async commit(modelKey, file, request, hooks = {}) {
      const response = await post(modelKey, file, request, false, ndjsonType, hooks.signal);
      return readProgress<ImportProgressLine, ImportResult>(
        response,
        hooks.onProgress,
        "The connection ended before the import finished; nothing was written.",
      );
    },
  };
}
