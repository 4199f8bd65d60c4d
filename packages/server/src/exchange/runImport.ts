/**
 * An import: the file's rows checked (dry run: what each row would do and every problem, nothing written), or
 * written all or nothing. A commit reads the file twice: once to check every row, refusing the whole file (422)
 * if any row has a problem, then again inside one transaction, checking each chunk once more against what the
 * transaction sees before writing it (creates in one statement per chunk where the database allows, updates
 * one by one, each audited like the forms' writes). Only a chunk of rows is held at a time.
 */
import {
  AtriumError,
  type ColumnMapping,
  decodeRecordId,
  type ImportPlanShape,
  inSentence,
  resolveMapping,
  suggestMapping,
  type WriteData,
} from "@atrium/core";
import { resolveModel } from "../resolveModel.js";
import type { ExchangeScope } from "./exchangeScope.js";
import { type CheckedRow, importChecker } from "./importCheck.js";
import type { RowError } from "./importDraft.js";
import { type ImportFormat, type ImportRecord, readImportRecords } from "./importRecords.js";

/** Rows checked and written together: one look-up per kind per chunk, one INSERT per chunk of creates. */
const chunkSize = 500;
/** Errors an answer lists; `errorCount` says how many there are in all. */
export const maxListedErrors = 1000;

export interface ImportRequest {
  format: ImportFormat;
  /** The user's choices, by column; the columns it does not name keep what their names suggest (suggestMapping). */
  mapping?: ColumnMapping[] | undefined;
  /** `"$id"`, a unique field, or `"none"`. @default "$id" when the id fields have columns, else "none" */
  match?: string | undefined;
  dryRun: boolean;
}

export interface DryRunAnswer {
  dryRun: true;
  columns: string[];
  mapping: ColumnMapping[];
  match: string;
  /** What each row would do; `id`: the `$id` of the record it would update. */
  rows: { row: number; action: "create" | "update"; id?: string }[];
  errors: RowError[];
  errorCount: number;
  summary: { rows: number; create: number; update: number; invalid: number };
}

export interface CommitAnswer {
  dryRun: false;
  created: number;
  updated: number;
}

export interface ImportProgress {
  phase: "checking" | "writing";
  done: number;
  /** Known once the file has been checked. */
  total: number | null;
}

export interface ImportHooks {
  onProgress?: (progress: ImportProgress) => void;
  /** Aborted: the commit stops before its next chunk and writes nothing. */
  signal?: AbortSignal;
}

/** `open`: the file's bytes, from the start, each time it is called (a commit reads it twice). */
export async function runImport(
  scope: ExchangeScope,
  modelKey: string,
  open: () => AsyncIterable<Uint8Array>,
  request: ImportRequest,
  hooks: ImportHooks = {},
): Promise<DryRunAnswer | CommitAnswer> {
  const { access, dataSource } = scope;
  const model = resolveModel(scope.schema, modelKey);
  // Who may neither add nor change hears so before the file is read; a dry run shows records, so view too.
  access.require(model, "view");
  if (!access.can(model.key, "change")) access.require(model, "add");
  const reader = readImportRecords(open(), request.format, scope.limits.maxRows);
  const first = await reader.records.next();
  const columns = reader.columns();
  const writeModel = access.writeModel(model);
  const mapping = withChoices(suggestMapping(access.view.schema, writeModel, columns), request.mapping ?? []);
  // JSON objects need not all have every key: a mapped key the first one lacks is no mistake.
  const known =
    request.format === "csv" ? columns : [...new Set([...columns, ...mapping.map((m) => m.column)])];
  const shape = resolveMapping({
    viewSchema: access.view.schema,
    model: writeModel,
    columns: known,
    mapping,
    match: request.match,
  });
  requireRelatedViewable(scope, shape);
  const check = (source = dataSource) =>
    importChecker({ schema: scope.schema, model, shape, access, source });

  const checker = check();
  const rows: CheckedRow[] = [];
  const errors: RowError[] = [];
  let errorCount = 0;
  let total = 0;
  for await (const chunk of chunks(first.done ? reader.records : prepend(first.value, reader.records))) {
    const checked = await checker.check(chunk);
    total += chunk.length;
    errorCount += checked.errors.length;
    errors.push(...checked.errors.slice(0, Math.max(0, maxListedErrors - errors.length)));
    if (request.dryRun) for (const row of checked.rows) rows.push(withoutData(row));
    hooks.onProgress?.({ phase: "checking", done: total, total: null });
  }
  if (request.dryRun) {
    const invalid = new Set(errors.map((error) => error.row)).size;
    const count = (action: string) => rows.filter((row) => row.action === action).length;
    return {
      dryRun: true,
      columns: reader.columns(),
      mapping,
      match: shape.match,
      rows,
      errors,
      errorCount,
      summary: { rows: total, create: count("create"), update: count("update"), invalid },
    };
  }
  if (errorCount > 0) throw refusal(errors, errorCount);

  const written = { created: 0, updated: 0 };
  await dataSource.transaction(
    async (tx) => {
      const again = check(tx);
      const records = readImportRecords(open(), request.format, scope.limits.maxRows).records;
      for await (const chunk of chunks(records)) {
        if (hooks.signal?.aborted)
          throw new AtriumError("bad_request", "The import was cancelled; nothing was written");
        const checked = await again.check(chunk);
        if (checked.errors.length > 0) throw refusal(checked.errors, checked.errors.length);
        const creates = checked.rows.filter((row) => row.action === "create").map(dataOf);
        if (creates.length > 0) await tx.createMany(model, creates, scope.context);
        for (const row of checked.rows) {
          if (row.action !== "update" || row.id === undefined) continue;
          await tx.update(model, decodeRecordId(model, row.id), dataOf(row), scope.context);
        }
        written.created += creates.length;
        written.updated += checked.rows.length - creates.length;
        hooks.onProgress?.({ phase: "writing", done: written.created + written.updated, total });
      }
    },
    { timeoutMs: scope.limits.commitTimeoutMs },
  );
  return { dryRun: false, ...written };
}

/** The suggestion with the user's choices in place; a field the user gave another column is no longer suggested. */
function withChoices(suggested: ColumnMapping[], chosen: ColumnMapping[]): ColumnMapping[] {
  const byColumn = new Map(chosen.map((entry) => [entry.column, entry]));
  const claimed = new Set(chosen.map((entry) => entry.field));
  const merged = suggested.map((entry) => {
    const choice = byColumn.get(entry.column);
    if (choice) return choice;
    return claimed.has(entry.field) ? { column: entry.column, field: null } : entry;
  });
  const known = new Set(suggested.map((entry) => entry.column));
  return [...merged, ...chosen.filter((entry) => !known.has(entry.column))];
}

function dataOf(row: CheckedRow): WriteData {
  // The checker leaves data out of rows with errors, and a chunk with errors is never written.
  if (!row.data) throw new Error(`Atrium: row ${row.row} of an import was checked without its data`);
  return row.data;
}

function withoutData(row: CheckedRow): DryRunAnswer["rows"][number] {
  return { row: row.row, action: row.action, ...(row.id === undefined ? {} : { id: row.id }) };
}

/** A relation column looks records up: only in a model the user may view. */
function requireRelatedViewable(scope: ExchangeScope, shape: ImportPlanShape): void {
  const fields: Record<string, string> = {};
  for (const column of shape.columns) {
    if (column.kind === "relation" && !scope.access.can(column.related.key, "view")) {
      fields[`mapping.${column.column}`] =
        `You may not view ${inSentence(column.related.labelPlural)}, so a column cannot name them`;
    }
  }
  const [message] = Object.values(fields);
  if (message) throw new AtriumError("forbidden", message, { fields });
}

/** The 422 of a commit with problems: the first in the message, the others in `details.errors`. */
function refusal(errors: RowError[], errorCount: number): AtriumError {
  const [first] = errors;
  const where = first ? `row ${first.row}${first.field ? ` (${first.field})` : ""}: ${first.message}` : "";
  const problems = errorCount === 1 ? "1 problem" : `${errorCount.toLocaleString("en")} problems`;
  return new AtriumError(
    "validation_failed",
    `Nothing was imported: the file has ${problems}, the first in ${where}. Fix them and import again; a dry run lists every one`,
    { details: { errors: errors.slice(0, maxListedErrors), errorCount } },
  );
}

async function* prepend(
  first: ImportRecord,
  rest: AsyncIterable<ImportRecord>,
): AsyncGenerator<ImportRecord> {
  yield first;
  yield* rest;
}

async function* chunks(records: AsyncIterable<ImportRecord>): AsyncGenerator<ImportRecord[]> {
  let chunk: ImportRecord[] = [];
  for await (const record of records) {
    chunk.push(record);
    if (chunk.length === chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
