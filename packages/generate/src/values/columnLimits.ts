/**
 * What a column can hold, from the field's type, its native type (`@db.X`) and the database: the longest text,
 * the range of an integer, the digits of a decimal. Generated values stay inside, so no insert fails on a
 * value that is too long or too big.
 */
import type { DatabaseProvider, FieldMeta } from "@atrium/core";

/** Prisma's MySQL `String` without `@db.X` is `VARCHAR(191)`; Text types hold 64 KB and more. */
const mysqlDefaultLength = 191;

/** The longest text a String column accepts; undefined when it is unbounded for practical purposes. */
export function maxTextLength(field: FieldMeta, provider: DatabaseProvider): number | undefined {
  const [name, args] = field.nativeType ?? [undefined, []];
  const declared = Number(args[0]);
  if (name && /^(VarChar|Char|NVarChar|NChar)$/i.test(name)) {
    return Number.isFinite(declared) && declared > 0 ? declared : provider === "mysql" ? 1 : undefined;
  }
  if (name === "TinyText") return 255;
  if (name === "Uuid") return 36;
  if (name === undefined && provider === "mysql") return mysqlDefaultLength;
  return undefined;
}

export interface IntRange {
  min: bigint;
  max: bigint;
}

const range = (min: bigint | number, max: bigint | number): IntRange => ({
  min: BigInt(min),
  max: BigInt(max),
});

/** The integers an Int or BigInt column accepts (native types narrow or widen them). */
export function intRange(field: FieldMeta): IntRange {
  switch (field.nativeType?.[0]) {
    case "TinyInt":
      return range(-128, 127);
    case "UnsignedTinyInt":
      return range(0, 255);
    case "SmallInt":
      return range(-32768, 32767);
    case "UnsignedSmallInt":
      return range(0, 65535);
    case "MediumInt":
      return range(-8388608, 8388607);
    case "UnsignedMediumInt":
      return range(0, 16777215);
    case "UnsignedInt":
      return range(0, 4294967295);
    case "Year":
      return range(1901, 2155);
    case "UnsignedBigInt":
      return range(0n, 18446744073709551615n);
    case "Oid":
      return range(0, 4294967295);
    default:
      return field.type === "BigInt" ? range(-(2n ** 63n), 2n ** 63n - 1n) : range(-2147483648, 2147483647);
  }
}

/** Digits before and after the point that a Decimal column keeps (`@db.Decimal(p, s)`, else the database's). */
export function decimalDigits(
  field: FieldMeta,
  provider: DatabaseProvider,
): { whole: number; scale: number } {
  const [name, args] = field.nativeType ?? [undefined, []];
  if (name === "Money") return { whole: 13, scale: 2 };
  const precision = Number(args[0]);
  const scale = Number(args[1] ?? 0);
  if (name === "Decimal" && Number.isFinite(precision)) {
    return { whole: Math.max(0, precision - (Number.isFinite(scale) ? scale : 0)), scale: scale || 0 };
  }
  // Prisma's defaults: DECIMAL(65,30) on PostgreSQL and MySQL; SQLite keeps what it is given.
  return provider === "sqlite" ? { whole: 15, scale: 2 } : { whole: 35, scale: 30 };
}

/** Bytes a Bytes column accepts, when its native type bounds them. */
export function maxBytes(field: FieldMeta): number | undefined {
  const [name, args] = field.nativeType ?? [undefined, []];
  const declared = Number(args[0]);
  if (name === "Binary" || name === "VarBinary") return Number.isFinite(declared) ? declared : 1;
  if (name === "TinyBlob") return 255;
  return undefined;
}

/** A Binary(n) column pads shorter values, so it is given exactly n bytes (what reads back is what was sent). */
export function exactBytes(field: FieldMeta): number | undefined {
  return field.nativeType?.[0] === "Binary" ? maxBytes(field) : undefined;
}
