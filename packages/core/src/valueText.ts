/**
 * Text forms of the scalar types that JSON cannot carry natively: dates, 64-bit integers, decimals, bytes.
 * Shared by the wire codec and the record-id codec. Every parser returns undefined for text it does not accept,
 * so callers can word the error for their context.
 */

export const int32Min = -2147483648;
export const int32Max = 2147483647;
export const int64Min = -9223372036854775808n;
export const int64Max = 9223372036854775807n;

const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const integerPattern = /^-?\d+$/;
const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; setUTCFullYear keeps years below 100 as they are.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function utcDate(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
  ms = 0,
): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds, ms);
  return date;
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` as midnight UTC, or undefined when it is not a real calendar date. */
export function parseDateOnly(text: string): Date | undefined {
  const match = datePattern.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return validDay(year, month, day) ? utcDate(year, month, day) : undefined;
}

/**
 * ISO 8601 date and time with an explicit offset (`Z` or `+02:00`). Text without an offset is refused: it
 * would mean the server's time zone, which is rarely the user's.
 */
export function parseDateTime(text: string): Date | undefined {
  const match = dateTimePattern.exec(text);
  if (!match) return undefined;
  const [year, month, day, hours, minutes] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const seconds = Number(match[6] ?? "0");
  const ms = Number((match[7] ?? "").padEnd(3, "0").slice(0, 3));
  if (!validDay(year, month, day) || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const date = utcDate(year, month, day, hours, minutes, seconds, ms);
  const zone = match[8] ?? "Z";
  if (zone !== "Z") {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMinutes = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    const sign = zone.startsWith("-") ? -1 : 1;
    date.setTime(date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
  }
  return date;
}

export function formatDateTime(date: Date): string {
  return date.toISOString();
}

export function formatDateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** A 32-bit integer from its decimal text. */
export function parseInt32(text: string): number | undefined {
  if (!integerPattern.test(text)) return undefined;
  const value = Number(text);
  return value >= int32Min && value <= int32Max ? value : undefined;
}

/** A 64-bit integer from its decimal text. */
export function parseInt64(text: string): bigint | undefined {
  if (!integerPattern.test(text)) return undefined;
  const value = BigInt(text);
  return value >= int64Min && value <= int64Max ? value : undefined;
}

/**
 * Decimal text, normalized without changing its value or its scale: leading zeros go, trailing zeros stay
 * ("007.50" -> "7.50"), and negative zero loses its sign. No float is involved, so no digit is ever lost.
 */
export function normalizeDecimal(text: string): string | undefined {
  const match = decimalPattern.exec(text);
  if (!match) return undefined;
  const integer = (match[2] ?? "").replace(/^0+(?=\d)/, "");
  const fraction = match[3];
  const isZero = /^0+$/.test(integer + (fraction ?? ""));
  const sign = match[1] && !isZero ? "-" : "";
  return fraction === undefined ? `${sign}${integer}` : `${sign}${integer}.${fraction}`;
}

/** Digits before and after the point of a normalized decimal, as a database's precision and scale count them. */
export function decimalDigits(normalized: string): { integer: number; fraction: number } {
  const [integer = "", fraction = ""] = normalized.replace("-", "").split(".");
  return { integer: integer === "0" ? 0 : integer.length, fraction: fraction.length };
}

/**
 * Plain decimal text of a finite number. `String(1e21)` and `String(1e-7)` use exponent notation, which no
 * decimal column accepts, so the exponent is expanded by moving the point in the digit string.
 */
export function numberToDecimalText(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const sign = match[1] ?? "";
  const digits = `${match[2]}${match[3] ?? ""}`;
  const exponent = Number(match[4]);
  const pointAt = 1 + exponent;
  if (pointAt <= 0) return `${sign}0.${"0".repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${"0".repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

const base64Pattern = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Standard or URL-safe base64, padding optional. */
export function parseBase64(text: string): Uint8Array | undefined {
  if (!base64Pattern.test(text)) return undefined;
  const bare = text.replace(/=+$/, "").replaceAll("-", "+").replaceAll("_", "/");
  if (bare.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(bare.padEnd(Math.ceil(bare.length / 4) * 4, "="));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Standard base64 with padding; `btoa` rather than Buffer so the codec also runs in the browser. */
export function formatBase64(bytes: Uint8Array): string {
  let binary = "";
  // Chunks keep String.fromCharCode below the engine's argument limit on big blobs.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** URL-safe base64 without padding, for record ids that sit in URLs. */
export function formatBase64Url(bytes: Uint8Array): string {
  return formatBase64(bytes).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
