/**
 * What an export writes of a record and how its values travel in a CSV cell, so that an import reads back
 * exactly what was exported (docs/api.md "Export and import").
 *
 * A CSV cell holds text only, so each wire value (wireCodec.ts) becomes text that says which value it was:
 * - null: an empty cell; the empty text: a quoted empty cell (`""`), which the CSV writer marks apart;
 * - Json values and lists (`String[]`): their JSON text, so `"5"` (a string) and `5` (a number) stay apart;
 * - numbers and booleans: their text (`12`, `0.1`, `true`);
 * - everything else already travels as text on the wire (BigInt digits, Decimal text, ISO dates, base64 Bytes,
 *   enum values) and is written as it is.
 * JSON and NDJSON exports carry the wire values themselves and need none of this.
 */
import type { FieldMeta, ModelMeta } from "./metadata.js";

/**
 * The fields an export writes and an import may fill: the model's scalar and enum fields (foreign keys
 * included, which carry its to-one relations), in schema order. Relation fields are not columns: a to-one is
 * its foreign key, and to-many counts are not data. `Unsupported` columns cannot be read or written.
 */
export function exchangeFields(model: ModelMeta): FieldMeta[] {
  return model.fields.filter((field) => field.kind !== "relation" && field.type !== "Unsupported");
}

/** A wire value as the text of a CSV cell; null for an empty cell. */
export function wireToCell(field: FieldMeta, wire: unknown): string | null {
  if (wire === null || wire === undefined) return null;
  if (field.type === "Json" || field.isList || typeof wire === "object") return JSON.stringify(wire);
  return String(wire);
}

/** A cell as an import reads it: its text, and whether it was quoted (`""` is the empty text, not null). */
export interface CsvCell {
  text: string;
  quoted: boolean;
}

/** The wire value a CSV cell holds, or why it holds none (the message is shown beside the field). */
export type CellReading = { value: unknown } | { problem: string };

const number = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A CSV cell back to the wire value of `field`, for decodeWrite to check as it checks a form's value. Text that
 * is not a number for a number field is passed on as text, so the message is the form's own ("Expected a whole
 * number ...").
 */
export function cellToWire(field: FieldMeta, cell: CsvCell): CellReading {
  if (cell.text === "" && !cell.quoted) return { value: null };
  if (field.type === "Json" || field.isList) {
    try {
      return { value: JSON.parse(cell.text) };
    } catch {
      const example = field.isList ? '["a", "b"]' : '{"key": "value"}';
      return { problem: `Expected JSON text such as ${example}` };
    }
  }
  if (field.kind === "enum") return { value: cell.text.trim() };
  switch (field.type) {
    case "Int":
    case "Float": {
      const text = cell.text.trim();
      return { value: number.test(text) ? Number(text) : text };
    }
    case "Boolean": {
      const text = cell.text.trim().toLowerCase();
      return { value: text === "true" ? true : text === "false" ? false : cell.text };
    }
    case "BigInt":
    case "Decimal":
    case "DateTime":
    case "Bytes":
      return { value: cell.text.trim() };
    default:
      return { value: cell.text };
  }
}
