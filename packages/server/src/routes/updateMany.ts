/**
 * `POST /api/records/{key}/update-many` with `{ rows: [{ $id, values: { field: value, $version? } }] }`: the edits
 * of a list's editable cells (Django's `list_editable`), saved as the record form saves one record, each row
 * through the same decoding, permission, read-only and `$version` checks and audited as its own change, but all
 * in one transaction: one refused row leaves every record as it was. A refusal names its row: its field errors
 * are keyed `rows.<index>.<field>`, and a conflict's `details` carry `row` and the record as it is now.
 */
import { AtriumError, type WireRow } from "@atrium/core";
import type { Handler } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import { readJsonBody } from "../readJsonBody.js";
import { resolveModel } from "../resolveModel.js";
import { recordActions } from "./recordActions.js";

interface RowEdit {
  id: string;
  values: Record<string, unknown>;
}

export function updateMany(options: ResolvedOptions): Handler {
  return async (c) => {
    const key = c.req.param("key") ?? "";
    const model = resolveModel(options.schema, key);
    accessOf(c, options.schema).require(model, "change");
    const edits = decodeEdits(await readJsonBody(c, options.maxBodyBytes), options.maxBulkIds);
    const data = await options.dataSource.transaction(async (source) => {
      const records = recordActions({ ...options, dataSource: source }, c);
      const updated: WireRow[] = [];
      for (const [index, edit] of edits.entries()) {
        updated.push(
          await records
            .update(key, edit.id, edit.values)
            .catch((error) => Promise.reject(ofRow(error, index))),
        );
      }
      return updated;
    });
    return c.json({ data });
  };
}

function decodeEdits(body: unknown, maxRows: number): RowEdit[] {
  const rows = isObject(body) ? body.rows : undefined;
  if (!Array.isArray(rows) || rows.length === 0) {
    throw invalid("rows", 'Send { "rows": [{ "$id": "...", "values": { ... } }] } with at least one row');
  }
  if (rows.length > maxRows)
    throw invalid("rows", `At most ${maxRows} rows can be saved at once (got ${rows.length})`);
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const id = isObject(row) ? row.$id : undefined;
    const values = isObject(row) ? row.values : undefined;
    if (typeof id !== "string" || id === "")
      throw invalid(`rows.${index}.$id`, "Each row needs the $id of its record");
    if (!isObject(values)) throw invalid(`rows.${index}.values`, "Each row needs its values as an object");
    if (seen.has(id))
      throw invalid(`rows.${index}.$id`, `The record '${id}' is in two rows; send its changes once`);
    seen.add(id);
    return { id, values };
  });
}

/** The error of one row's save, said of that row: field keys prefixed, the row in the message and details. */
function ofRow(error: unknown, index: number): unknown {
  if (!(error instanceof AtriumError)) return error;
  const fields = error.fields
    ? Object.fromEntries(
        Object.entries(error.fields).map(([field, text]) => [`rows.${index}.${field}`, text]),
      )
    : undefined;
  const details = isObject(error.details) ? { ...error.details, row: index } : { row: index };
  return new AtriumError(error.code, `Row ${index + 1}: ${error.message}`, {
    ...(fields ? { fields } : {}),
    details,
    ...(error.reason ? { reason: error.reason } : {}),
    cause: error,
  });
}

function invalid(field: string, message: string): AtriumError {
  return new AtriumError("validation_failed", message, { fields: { [field]: message } });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
