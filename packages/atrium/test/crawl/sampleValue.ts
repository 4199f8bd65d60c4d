/**
 * Wire values for a field, generated from its metadata alone: the crawler knows nothing of the schema it is
 * given. Values are distinct per ordinal `n` (so uniques hold), fit the native type's size, and are chosen to
 * catch lossy round trips: BigInts beyond 2^53, decimals, milliseconds, mixed case and non-ASCII letters.
 */
import type { FieldMeta } from "@atrium/core";

const base = Date.UTC(2024, 2, 1, 10, 20, 30, 123);
const day = 86_400_000;

/** The value for ordinal `n` (0, 1, 2, ...), or undefined for a field the crawler cannot write. */
export function sampleValue(field: FieldMeta, n: number): unknown {
  if (field.kind === "relation" || field.type === "Unsupported") return undefined;
  if (field.isList) return [sampleElement(field, n), sampleElement(field, n + 1)];
  return sampleElement(field, n);
}

function sampleElement(field: FieldMeta, n: number): unknown {
  if (field.kind === "enum") {
    const values = field.enumValues ?? [];
    return values[n % values.length];
  }
  const [nativeName, nativeArgs = []] = field.nativeType ?? [];
  switch (field.type) {
    case "String":
      return sampleText(field, n);
    case "Int":
      return 10 + n;
    case "BigInt":
      // 2^53 + 1 + n: a JavaScript number would lose the last digit.
      return String(9007199254740993n + BigInt(n));
    case "Float":
      return n + 0.25;
    case "Decimal": {
      const scale = nativeName === "Decimal" ? Number(nativeArgs[1] ?? "0") : 2;
      return scale === 0 ? String(n + 3) : `${n + 3}.5`;
    }
    case "Boolean":
      return n % 2 === 1;
    case "DateTime": {
      // Times of day have no wire encoding of their own yet: the crawler leaves them to their defaults.
      if (nativeName === "Time" || nativeName === "Timetz") return undefined;
      const at = new Date(base + n * day + n * 3_600_000);
      if (nativeName === "Date") return at.toISOString().slice(0, 10);
      // A precision of 0 (MySQL `@db.DateTime(0)`) keeps whole seconds only.
      if (nativeArgs[0] === "0") at.setUTCMilliseconds(0);
      return at.toISOString();
    }
    case "Json":
      return n % 2 === 0
        ? { name: `Zoo ${n}`, count: n, nested: { list: [1, "two", null], ok: true } }
        : [n, "Zoo", { deep: [n] }];
    case "Bytes":
      return Buffer.from([n, 0, 255, 128, 7]).toString("base64");
    default:
      return undefined;
  }
}

/** Text that fits `@db.VarChar(n)`/`Char(n)`, is a uuid for `@db.Uuid`, and is unique per field and ordinal. */
function sampleText(field: FieldMeta, n: number): string {
  const [nativeName, nativeArgs = []] = field.nativeType ?? [];
  if (nativeName === "Uuid") return `00000000-0000-4000-8000-${String(n + 1).padStart(12, "0")}`;
  // Mixed case and an accented letter, which searches and `contains` must match in any case on every database;
  // LIKE wildcards, which they must take literally; and what URLs must escape, for text that ends up in a `$id`.
  const text = `Zoë ${field.name} N${n}x/%_?#`;
  const limit = /^N?(Var)?Char$/i.test(nativeName ?? "") ? Number(nativeArgs[0]) : Number.NaN;
  if (!Number.isInteger(limit) || text.length <= limit) return text;
  // Short columns (country codes): the ordinal, in letters so that every prefix stays distinct.
  return ordinalText(n).padStart(limit, "Q").slice(-limit);
}

function ordinalText(n: number): string {
  let text = "";
  let rest = n;
  do {
    text = String.fromCharCode(65 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return text;
}
