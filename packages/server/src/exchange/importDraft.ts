/**
 * One imported record read through the mapping: the body a form would send (wire values by field name), the
 * values of the fields that find the record it updates, the related records its relation columns name (looked up
 * later for the whole chunk), and what could not be read.
 */
import {
  type CellReading,
  type CsvCell,
  cellToWire,
  type ImportPlanShape,
  type MappedColumn,
} from "@atrium/core";
import type { ImportRecord } from "./importRecords.js";

export interface RowError {
  row: number;
  /** The field the message belongs beside; null for the row as a whole. */
  field: string | null;
  message: string;
}

export interface ImportDraft {
  row: number;
  body: Record<string, unknown>;
  /** Wire values of the shape's match fields, by field name. */
  key: Record<string, unknown>;
  /** Relation columns' values (an `$id` text or a unique field's wire value), to look up. */
  refs: Map<Extract<MappedColumn, { kind: "relation" }>, unknown>;
  errors: RowError[];
}

export function draftOf(record: ImportRecord, shape: ImportPlanShape): ImportDraft {
  const draft: ImportDraft = { row: record.row, body: {}, key: {}, refs: new Map(), errors: [] };
  if ("problem" in record) {
    draft.errors.push({ row: record.row, field: null, message: record.problem });
    return draft;
  }
  const matched = new Set(shape.matchFields.map((field) => field.name));
  for (const column of shape.columns) {
    const raw = record.values[column.column];
    // A column the row lacks (a short CSV line, a key an object leaves out) leaves its field as it is.
    if (raw === undefined) continue;
    const reading = read(column, raw, record.csv);
    const name = column.field.name;
    if ("problem" in reading) {
      draft.errors.push({ row: record.row, field: name, message: reading.problem });
      continue;
    }
    if (column.kind === "relation") {
      if (reading.value === null) draft.body[name] = null;
      else draft.refs.set(column, reading.value);
      continue;
    }
    if (matched.has(name)) draft.key[name] = reading.value;
    if (!column.keyOnly) draft.body[name] = reading.value;
  }
  return draft;
}

function read(column: MappedColumn, raw: unknown, csv: boolean): CellReading {
  if (column.kind === "value") return csv ? cellToWire(column.field, raw as CsvCell) : { value: raw };
  if (column.by !== "$id") return csv ? cellToWire(column.by, raw as CsvCell) : { value: raw };
  const value = csv ? cellToWire(column.field, { ...(raw as CsvCell), quoted: false }) : { value: raw };
  if ("problem" in value || value.value === null) return value;
  const id = idText(value.value);
  return id === undefined ? { problem: `Expected an id of ${column.related.label}` } : { value: id };
}

/** The `$id` a relation value names: its text, a number's digits, or a related record as rows carry it. */
function idText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "object" && value !== null && typeof (value as { $id?: unknown }).$id === "string") {
    return (value as { $id: string }).$id;
  }
  return undefined;
}
