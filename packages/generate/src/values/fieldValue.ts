/**
 * One realistic value for a scalar or enum field, typed as the DataSource contract carries it (Date, bigint,
 * Decimal as a string of digits, Uint8Array, parsed JSON): chosen by the field's type, native type and name, and
 * kept inside what its column accepts. Randomness comes only from `faker`, which the caller seeds per row.
 */
import type { DatabaseProvider, FieldMeta, ModelMeta } from "@atrium/core";
import type { Faker } from "@faker-js/faker";
import { decimalDigits, exactBytes, intRange, maxBytes, maxTextLength } from "./columnLimits.js";
import { drawNumber, numberRangeFor } from "./numberByName.js";
import { foldName, plainText, textMakerFor } from "./textByName.js";

export interface ValueContext {
  faker: Faker;
  model: ModelMeta;
  provider: DatabaseProvider;
  /** Dates are drawn around it (past for most, future for expiries), so a seed gives the same dates every day. */
  referenceDate: Date;
}

export function fieldValue(field: FieldMeta, context: ValueContext): unknown {
  if (field.isList) {
    const count = context.faker.number.int({ min: 1, max: 3 });
    return Array.from({ length: count }, () => itemValue(field, context));
  }
  return itemValue(field, context);
}

function itemValue(field: FieldMeta, context: ValueContext): unknown {
  const { faker } = context;
  if (field.kind === "enum") return faker.helpers.arrayElement(field.enumValues ?? []);
  switch (field.type) {
    case "String":
      return fitText(stringValue(field, context), maxTextLength(field, context.provider));
    case "Int":
    case "BigInt":
      return integerValue(field, faker);
    case "Float": {
      const real = field.nativeType?.[0] === "Real" || field.nativeType?.[0] === "Float";
      const limit = real ? 3.4e38 : Number.MAX_VALUE;
      return drawNumber(faker, numberRangeFor(field.name), { min: -limit, max: limit });
    }
    case "Decimal":
      return decimalValue(field, context);
    case "Boolean":
      return faker.datatype.boolean();
    case "DateTime":
      return dateValue(field, context);
    case "Json":
      return jsonValue(field, faker);
    case "Bytes": {
      const length =
        exactBytes(field) ?? faker.number.int({ min: 1, max: Math.min(32, maxBytes(field) ?? 32) });
      return Uint8Array.from(Array.from({ length }, () => faker.number.int(255)));
    }
    default:
      return null;
  }
}

function stringValue(field: FieldMeta, context: ValueContext): string {
  const { faker } = context;
  const [native, args] = field.nativeType ?? [undefined, []];
  if (native === "Uuid") return faker.string.uuid();
  if (native === "Inet") return faker.internet.ipv4();
  if (native === "Xml") return `<note>${faker.lorem.words(3)}</note>`;
  if (native === "Bit" || native === "VarBit") {
    return faker.string.binary({ length: Math.max(1, Number(args[0]) || 8), prefix: "" });
  }
  const max = maxTextLength(field, context.provider);
  const literal = field.default?.kind === "literal" ? field.default.value : undefined;
  const holdsCodes =
    (max !== undefined && max <= 3) || (typeof literal === "string" && /^[A-Z]{2,3}$/.test(literal));
  const maker = textMakerFor(field.name, context.model.name, holdsCodes);
  if (maker) return maker(faker);
  // A key that names nothing (a natural id without a default): a short code, unique enough to start from.
  if (field.isId || foldName(field.name).endsWith("id"))
    return faker.string.alphanumeric({ length: 12, casing: "lower" });
  return plainText(faker);
}

/** Cut to the column's length at a word boundary when there is one, so truncated text still reads well. */
function fitText(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd() || cut;
}

function integerValue(field: FieldMeta, faker: Faker): number | bigint {
  const column = intRange(field);
  const min = Number(column.min < -(2n ** 52n) ? -(2n ** 52n) : column.min);
  const max = Number(column.max > 2n ** 52n ? 2n ** 52n : column.max);
  const wanted = numberRangeFor(field.name);
  const value = Math.round(drawNumber(faker, { ...wanted, decimals: 0 }, { min, max }));
  return field.type === "BigInt" ? BigInt(value) : value;
}

function decimalValue(field: FieldMeta, context: ValueContext): string {
  const { whole, scale } = decimalDigits(field, context.provider);
  const wanted = numberRangeFor(field.name);
  const limit = whole >= 15 ? 1e15 : 10 ** whole - 1;
  const value = drawNumber(
    context.faker,
    { ...wanted, decimals: Math.min(wanted.decimals, scale) },
    {
      min: -limit,
      max: limit,
    },
  );
  return value.toFixed(Math.min(Math.max(wanted.decimals, 0), scale));
}

const dayMs = 24 * 60 * 60 * 1000;

function dateValue(field: FieldMeta, context: ValueContext): Date {
  const { faker, referenceDate: refDate } = context;
  const folded = foldName(field.name);
  let date: Date;
  if (/birth|dob|born/.test(folded)) date = faker.date.birthdate({ mode: "age", min: 18, max: 80, refDate });
  else if (/expir|due|deadline|until|^ends?(at|on)?$|validto|nextrun|scheduled/.test(folded)) {
    date = faker.date.soon({ days: 365, refDate });
  } else date = faker.date.past({ years: 3, refDate });
  const native = field.nativeType?.[0];
  if (native === "Date") return new Date(Math.floor(date.getTime() / dayMs) * dayMs);
  if (native === "Time" || native === "Timetz") return new Date(((date.getTime() % dayMs) + dayMs) % dayMs);
  // Precision 0 keeps whole seconds: a value with milliseconds would read back different from what was sent.
  if (field.nativeType?.[1]?.[0] === "0") return new Date(Math.floor(date.getTime() / 1000) * 1000);
  return date;
}

function jsonValue(field: FieldMeta, faker: Faker): unknown {
  const folded = foldName(field.name);
  if (/setting|preference|config|option/.test(folded)) {
    return {
      theme: faker.helpers.arrayElement(["light", "dark", "system"]),
      notifications: faker.datatype.boolean(),
      language: faker.helpers.arrayElement(["en", "fr", "de"]),
    };
  }
  return {
    source: faker.lorem.word(),
    version: faker.number.int({ min: 1, max: 9 }),
    tags: faker.lorem.words({ min: 1, max: 3 }).split(" "),
  };
}
