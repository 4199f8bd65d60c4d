/**
 * Conversion between wire values (what JSON bodies and query strings carry) and the JavaScript values a data
 * source works with (see dataSource.ts).
 *
 * | type     | wire                              | JavaScript                         |
 * | -------- | --------------------------------- | ---------------------------------- |
 * | DateTime | ISO 8601 text with offset         | Date                               |
 * | @db.Date | "YYYY-MM-DD"                      | Date at midnight UTC               |
 * | BigInt   | text of digits (safe JSON number in) | bigint                          |
 * | Decimal  | text like "12.50" (finite number in) | normalized text, never a float  |
 * | Bytes    | base64 text                       | Uint8Array                         |
 * | @db.Uuid | "123e4567-e89b-12d3-a456-426614174000" | the same text                 |
 * | Json     | any JSON value                    | the same value                     |
 * | others   | JSON number / boolean / string    | the same value                     |
 *
 * `null` stays `null` in both directions: whether a field may be null is decodeWrite's concern.
 */
import { AtriumError } from "./errors.js";
import type { FilterOperator } from "./listQuery.js";
import type { FieldMeta } from "./metadata.js";
import {
  decimalDigits,
  formatBase64,
  formatDateOnly,
  formatDateTime,
  int32Max,
  int32Min,
  int64Max,
  int64Min,
  isValidDate,
  normalizeDecimal,
  numberToDecimalText,
  parseBase64,
  parseDateOnly,
  parseDateTime,
  parseInt32,
  parseInt64,
} from "./valueText.js";

/** A value that does not fit its field; the message is shown to the user next to the field. */
class ValueProblem extends Error {}

const messages = {
  Int: `Expected a whole number between ${int32Min} and ${int32Max}`,
  BigInt: `Expected a whole number between ${int64Min} and ${int64Max}`,
  Float: "Expected a number",
  Decimal: "Expected a decimal number such as 12.50",
  Boolean: "Expected true or false",
  String: "Expected text",
  DateTime: "Expected a date and time such as 2024-05-01T13:45:00Z",
  Date: "Expected a date such as 2024-05-01",
  Bytes: "Expected base64 text",
  Uuid: "Expected a uuid such as 123e4567-e89b-12d3-a456-426614174000",
} as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for `@db.Date` columns, which hold a calendar day and no time. */
export function isDateOnly(field: FieldMeta): boolean {
  return field.type === "DateTime" && field.nativeType?.[0] === "Date";
}

function enumMessage(field: FieldMeta): string {
  return `Expected one of: ${(field.enumValues ?? []).join(", ")}`;
}

function checkDecimalSize(field: FieldMeta, normalized: string): string {
  // Only an explicit @db.Decimal(p, s) is checked: it is what makes the database reject or round the value.
  const [precisionText, scaleText] = field.nativeType?.[0] === "Decimal" ? field.nativeType[1] : [];
  if (precisionText === undefined) return normalized;
  const precision = Number(precisionText);
  const scale = Number(scaleText ?? "0");
  const digits = decimalDigits(normalized);
  if (digits.fraction > scale) {
    throw new ValueProblem(scale === 0 ? "Expected a whole number" : `At most ${scale} decimal places`);
  }
  if (digits.integer > precision - scale) {
    throw new ValueProblem(`At most ${precision - scale} digits before the decimal point`);
  }
  return normalized;
}

/** True for `@db.Uuid` text: PostgreSQL fails the whole query on anything else instead of matching nothing. */
export function isUuidText(field: FieldMeta): boolean {
  return field.type === "String" && field.nativeType?.[0] === "Uuid";
}

/**
 * Why `text` cannot be stored in a String field (not a uuid for `@db.Uuid`, longer than `@db.VarChar(n)`), or
 * undefined when it fits. Shared by writes, ids (recordId.ts) and filters so they refuse the same values.
 */
export function textProblem(field: FieldMeta, text: string): string | undefined {
  if (field.type !== "String") return undefined;
  if (isUuidText(field)) return uuidPattern.test(text) ? undefined : messages.Uuid;
  const [typeName, args] = field.nativeType ?? [];
  const limit = Number(args?.[0]);
  if (!typeName || !/^N?(Var)?Char$/i.test(typeName) || !Number.isInteger(limit)) return undefined;
  // Databases count characters, not UTF-16 units, so count code points.
  return [...text].length > limit ? `At most ${limit} characters` : undefined;
}

function checkText(field: FieldMeta, text: string): string {
  const problem = textProblem(field, text);
  if (problem) throw new ValueProblem(problem);
  return text;
}

function decodeElement(field: FieldMeta, raw: unknown): unknown {
  if (field.kind === "enum") {
    if (typeof raw !== "string" || (field.enumValues && !field.enumValues.includes(raw))) {
      throw new ValueProblem(enumMessage(field));
    }
    return raw;
  }
  switch (field.type) {
    case "String":
      if (typeof raw !== "string") throw new ValueProblem(messages.String);
      return checkText(field, raw);
    case "Int":
      if (typeof raw !== "number" || !Number.isInteger(raw) || raw < int32Min || raw > int32Max) {
        throw new ValueProblem(messages.Int);
      }
      return raw;
    case "Float":
      if (typeof raw !== "number" || !Number.isFinite(raw)) throw new ValueProblem(messages.Float);
      return raw;
    case "BigInt": {
      if (typeof raw === "number" && Number.isSafeInteger(raw)) return BigInt(raw);
      const value = typeof raw === "string" ? parseInt64(raw) : undefined;
      if (value === undefined) throw new ValueProblem(messages.BigInt);
      return value;
    }
    case "Decimal": {
      const text = typeof raw === "number" && Number.isFinite(raw) ? numberToDecimalText(raw) : raw;
      const normalized = typeof text === "string" ? normalizeDecimal(text) : undefined;
      if (normalized === undefined) throw new ValueProblem(messages.Decimal);
      return checkDecimalSize(field, normalized);
    }
    case "Boolean":
      if (typeof raw !== "boolean") throw new ValueProblem(messages.Boolean);
      return raw;
    case "DateTime":
      return decodeDate(field, raw);
    case "Bytes": {
      const bytes = typeof raw === "string" ? parseBase64(raw) : undefined;
      if (!bytes) throw new ValueProblem(messages.Bytes);
      return bytes;
    }
    case "Json":
      return raw;
    default:
      throw new ValueProblem("This field cannot be written");
  }
}

function decodeDate(field: FieldMeta, raw: unknown): Date {
  if (typeof raw !== "string") throw new ValueProblem(isDateOnly(field) ? messages.Date : messages.DateTime);
  if (!isDateOnly(field)) {
    const date = parseDateTime(raw);
    if (!date) throw new ValueProblem(messages.DateTime);
    return date;
  }
  const day = parseDateOnly(raw);
  if (day) return day;
  // A full timestamp is accepted for a date column only when it names a whole day, so nothing is cut off.
  const date = parseDateTime(raw);
  if (date && date.getTime() % 86_400_000 === 0) return date;
  throw new ValueProblem(messages.Date);
}

function validationError(field: FieldMeta, problem: ValueProblem): AtriumError {
  return new AtriumError("validation_failed", `${field.label}: ${problem.message}`, {
    fields: { [field.name]: problem.message },
  });
}

/** Wire value from a JSON body -> typed value. Throws AtriumError("validation_failed") naming the field. */
export function decodeWireValue(field: FieldMeta, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  try {
    if (!field.isList) return decodeElement(field, raw);
    if (!Array.isArray(raw)) throw new ValueProblem("Expected a list");
    return raw.map((item, index) => {
      try {
        return decodeElement(field, item);
      } catch (error) {
        if (error instanceof ValueProblem) throw new ValueProblem(`Item ${index + 1}: ${error.message}`);
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof ValueProblem) throw validationError(field, error);
    throw error;
  }
}

function encodeDecimal(value: unknown): unknown {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? numberToDecimalText(value) : String(value);
  // Prisma's Decimal (decimal.js) switches to exponent notation in toString() beyond 1e21 and below 1e-7;
  // toFixed() without arguments never does and never rounds.
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { toFixed?: unknown }).toFixed === "function"
  ) {
    return (value as { toFixed(): string }).toFixed();
  }
  return String(value);
}

function encodeElement(field: FieldMeta, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case "DateTime":
      if (!isValidDate(value)) return value instanceof Date ? null : value;
      return isDateOnly(field) ? formatDateOnly(value) : formatDateTime(value);
    case "BigInt":
      return typeof value === "bigint" || typeof value === "number" ? String(value) : value;
    case "Decimal":
      return encodeDecimal(value);
    case "Bytes":
      return value instanceof Uint8Array ? formatBase64(value) : value;
    case "Float":
      // JSON has no NaN or Infinity (PostgreSQL double precision can hold them): send their names, not null.
      return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
    default:
      return value;
  }
}

/** Typed value from a data source -> JSON-safe wire value. */
export function encodeWireValue(field: FieldMeta, value: unknown): unknown {
  if (field.isList && Array.isArray(value)) return value.map((item) => encodeElement(field, item));
  return encodeElement(field, value);
}

function decodeFilterText(field: FieldMeta, text: string): unknown {
  if (field.kind === "enum") return decodeElement(field, text.trim());
  switch (field.type) {
    case "String":
      // Only uuids are checked (a uuid column has no contains/startsWith, see allowedOperators): comparing with
      // text longer than a VarChar, or searching for it, simply matches nothing.
      return isUuidText(field) ? checkText(field, text) : text;
    case "Int": {
      const value = parseInt32(text.trim());
      if (value === undefined) throw new ValueProblem(messages.Int);
      return value;
    }
    case "Float": {
      const trimmed = text.trim();
      const value = Number(trimmed);
      if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) || !Number.isFinite(value)) {
        throw new ValueProblem(messages.Float);
      }
      return value;
    }
    case "BigInt":
      return decodeElement(field, text.trim());
    case "Decimal": {
      // No precision check here: comparing with a value finer than the column's scale is meaningful.
      const value = normalizeDecimal(text.trim());
      if (value === undefined) throw new ValueProblem(messages.Decimal);
      return value;
    }
    case "Boolean": {
      const trimmed = text.trim();
      if (trimmed !== "true" && trimmed !== "false") throw new ValueProblem(messages.Boolean);
      return trimmed === "true";
    }
    case "DateTime": {
      // In filters a plain day is allowed for any date field: "from 2024-05-01" means from its start (UTC).
      const trimmed = text.trim();
      const date = parseDateOnly(trimmed) ?? parseDateTime(trimmed);
      if (!date)
        throw new ValueProblem(isDateOnly(field) ? messages.Date : `${messages.DateTime} or 2024-05-01`);
      return date;
    }
    default:
      throw new ValueProblem("This field cannot be filtered");
  }
}

/**
 * Query-string value of `filter.{path}.{op}` -> typed value. `in` takes a comma-separated list (items are
 * trimmed; an item cannot contain a comma); `isNull` takes "true"/"false". A list field compares its
 * elements, so the value has the element type. Throws AtriumError("bad_request") keyed by the field name;
 * parseListQuery re-keys it by the query parameter.
 */
export function decodeFilterValue(field: FieldMeta, op: FilterOperator, rawText: string): unknown {
  try {
    if (op === "isNull") {
      const text = rawText.trim();
      if (text !== "true" && text !== "false") throw new ValueProblem(messages.Boolean);
      return text === "true";
    }
    if (op === "in") {
      if (rawText.trim() === "") throw new ValueProblem("Expected at least one value");
      return rawText.split(",").map((item) => decodeFilterText(field, item.trim()));
    }
    if ((op === "contains" || op === "startsWith") && rawText === "")
      throw new ValueProblem("Expected some text");
    return decodeFilterText(field, rawText);
  } catch (error) {
    if (!(error instanceof ValueProblem)) throw error;
    throw new AtriumError("bad_request", `${field.label}: ${error.message}`, {
      fields: { [field.name]: error.message },
    });
  }
}
