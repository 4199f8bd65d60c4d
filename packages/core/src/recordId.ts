/**
 * `$id`: the text that addresses one record in URLs (`/api/records/book/12`).
 *
 * Encoding of each id value:
 * - Int, Float: decimal digits ("12"); BigInt: its digits ("9007199254740993"); Decimal: its decimal text.
 * - String and enum: the text itself (checked like a write: a uuid for `@db.Uuid`, length for `@db.VarChar(n)`).
 * - DateTime: ISO 8601 in UTC ("2024-05-01T13:45:00.000Z"); Boolean: "true"/"false".
 * - Bytes: URL-safe base64 without padding.
 *
 * One id field: the encoded value is the `$id`. Several id fields (`@@id([orderId, bookId])`): each encoded
 * value is passed through encodeURIComponent and the parts are joined with "," in `model.idFields` order,
 * so a part may itself contain commas ("a%2Cb,7"). Decoding reverses this exactly and checks each part
 * against its field's type; anything that does not fit is a 400, not a lookup of a record that cannot exist.
 * The `$id` is a path segment, so callers still URL-encode it as a whole when building URLs.
 */
import { AtriumError } from "./errors.js";
import type { IdValues } from "./listQuery.js";
import { type FieldMeta, findField, type ModelMeta } from "./metadata.js";
import {
  formatBase64Url,
  formatDateTime,
  isValidDate,
  normalizeDecimal,
  numberToDecimalText,
  parseBase64,
  parseDateTime,
  parseInt32,
  parseInt64,
} from "./valueText.js";
import { textProblem } from "./wireCodec.js";

function idField(model: ModelMeta, name: string): FieldMeta {
  const field = findField(model, name);
  // Metadata is built from the schema, so a missing id field is a bug in Atrium, not bad input.
  if (!field) throw new Error(`Model ${model.name} lists id field '${name}' but has no such field`);
  return field;
}

function encodePart(field: FieldMeta, value: unknown): string {
  if (value === null || value === undefined) {
    throw new Error(`Id field ${field.name} has no value; ids are never null`);
  }
  if (value instanceof Date) {
    if (!isValidDate(value)) throw new Error(`Id field ${field.name} holds an invalid date`);
    return formatDateTime(value);
  }
  if (value instanceof Uint8Array) return formatBase64Url(value);
  if (typeof value === "number") return field.type === "Decimal" ? numberToDecimalText(value) : String(value);
  if (typeof value === "object" && typeof (value as { toFixed?: unknown }).toFixed === "function") {
    // Prisma's Decimal: toFixed() never uses exponent notation, unlike toString().
    return (value as { toFixed(): string }).toFixed();
  }
  return String(value);
}

function decodePart(field: FieldMeta, text: string): unknown {
  if (field.kind === "enum") {
    return !field.enumValues || field.enumValues.includes(text) ? text : undefined;
  }
  switch (field.type) {
    case "String":
      return text;
    case "Int":
      return parseInt32(text);
    case "BigInt":
      return parseInt64(text);
    case "Float": {
      const value = Number(text);
      return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) && Number.isFinite(value) ? value : undefined;
    }
    case "Decimal":
      return normalizeDecimal(text);
    case "Boolean":
      return text === "true" ? true : text === "false" ? false : undefined;
    case "DateTime":
      return parseDateTime(text);
    case "Bytes":
      return parseBase64(text);
    default:
      return undefined;
  }
}

function malformed(model: ModelMeta, message: string): AtriumError {
  return new AtriumError("bad_request", `Malformed id for ${model.label}: ${message}`, {
    fields: { $id: message },
  });
}

export function encodeRecordId(model: ModelMeta, values: IdValues): string {
  const parts = model.idFields.map((name) => encodePart(idField(model, name), values[name]));
  if (parts.length === 1) return parts[0] ?? "";
  return parts.map((part) => encodeURIComponent(part)).join(",");
}

export function decodeRecordId(model: ModelMeta, text: string): IdValues {
  const fields = model.idFields.map((name) => idField(model, name));
  let parts: string[];
  if (fields.length === 1) {
    parts = [text];
  } else {
    const raw = text.split(",");
    if (raw.length !== fields.length) {
      throw malformed(model, `Expected ${fields.length} parts separated by commas, got ${raw.length}`);
    }
    try {
      parts = raw.map((part) => decodeURIComponent(part));
    } catch {
      throw malformed(model, "A part is not valid URL-encoded text");
    }
  }
  const values: IdValues = {};
  fields.forEach((field, index) => {
    const part = parts[index] ?? "";
    // An empty part is never a real id of any type (an empty String id is refused by databases' admins too).
    const value = part === "" ? undefined : decodePart(field, part);
    // The same check as writes: a `@db.Uuid` key given other text would make PostgreSQL fail the query.
    const problem = field.kind === "scalar" && value !== undefined ? textProblem(field, part) : undefined;
    if (problem) throw malformed(model, `'${part}' is not a valid ${field.label}: ${problem}`);
    if (value === undefined)
      throw malformed(model, `'${part}' is not a valid ${field.label} (${field.type})`);
    values[field.name] = value;
  });
  return values;
}

/** The id fields' values of a row (a stored row or a related record). */
export function idValuesOf(model: ModelMeta, row: Record<string, unknown>): IdValues {
  const values: IdValues = {};
  for (const name of model.idFields) {
    if (!Object.hasOwn(row, name)) {
      throw new Error(
        `Row of ${model.name} lacks id field '${name}'; data sources must always select id fields`,
      );
    }
    values[name] = row[name];
  }
  return values;
}
