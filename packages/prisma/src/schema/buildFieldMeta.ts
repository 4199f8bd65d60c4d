/** One Prisma datamodel field -> FieldMeta (relations get their `relation` filled by buildRelationMeta). */
import type { FieldDefault, FieldMeta } from "@atrium/core";
import { humanize } from "./labels.js";
import type { DmmfDefault, DmmfField } from "./readDatamodel.js";
import type { UnsupportedField } from "./unsupportedFields.js";

const generatedKinds = new Set(["autoincrement", "uuid", "cuid", "nanoid", "ulid", "dbgenerated"]);

/**
 * Converts Prisma's default. Literals stay JSON-safe because metadata is served as JSON: BigInt and Decimal as
 * strings of digits, DateTime as its ISO text, Bytes as its base64 text, and Json as the value its JSON text
 * stands for (`@default("{}")` is the object `{}`: a form pre-filled with the text would store the string "{}").
 */
export function convertDefault(value: DmmfDefault | undefined, type: string): FieldDefault | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" && !Array.isArray(value)) {
    switch (value.name) {
      case "autoincrement":
      case "uuid":
      case "cuid":
      case "nanoid":
      case "ulid":
      case "now":
      case "dbgenerated":
        return { kind: value.name };
      default:
        // Other generators (`sequence()` on CockroachDB, `auto()` on MongoDB) are computed by the database too.
        return { kind: "dbgenerated" };
    }
  }
  return { kind: "literal", value: convertLiteral(value, type) };
}

function convertLiteral(value: unknown, type: string): unknown {
  if (Array.isArray(value)) return value.map((item) => convertLiteral(item, type));
  // Prisma hands Decimal defaults over as floats (1.2 arrives as 1.2000000000000002); 15 digits undo the noise.
  if (type === "Decimal" && typeof value === "number") return String(Number(value.toPrecision(15)));
  if (type === "BigInt" && typeof value === "number") return String(value);
  if (type === "Json" && typeof value === "string") return parseJson(value);
  return value;
}

/** Prisma checks that a Json default is valid JSON; the text is kept should one ever not be. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function buildFieldMeta(field: DmmfField, foreignKeys: Set<string>, enumValues?: string[]): FieldMeta {
  const fieldDefault = convertDefault(field.default, field.type);
  const isGeneratedId = field.isId && fieldDefault !== undefined && generatedKinds.has(fieldDefault.kind);
  const meta: FieldMeta = {
    name: field.name,
    label: humanize(field.name),
    kind: field.kind === "object" ? "relation" : field.kind === "enum" ? "enum" : "scalar",
    type: field.type,
    isList: field.isList,
    isRequired: field.isRequired,
    isId: field.isId,
    isUnique: field.isUnique,
    isReadOnly: isGeneratedId || field.isUpdatedAt,
    hasDefault: field.hasDefaultValue,
    isUpdatedAt: field.isUpdatedAt,
    isForeignKey: foreignKeys.has(field.name),
  };
  if (field.dbName) meta.dbName = field.dbName;
  if (fieldDefault) meta.default = fieldDefault;
  if (field.nativeType) meta.nativeType = [field.nativeType[0], [...field.nativeType[1]]];
  if (enumValues) meta.enumValues = enumValues;
  if (field.documentation) meta.help = field.documentation;
  return meta;
}

/** Unsupported columns are shown, never written. */
export function buildUnsupportedFieldMeta(field: UnsupportedField): FieldMeta {
  const meta: FieldMeta = {
    name: field.name,
    label: humanize(field.name),
    kind: "scalar",
    type: "Unsupported",
    unsupportedType: field.unsupportedType,
    isList: field.isList,
    isRequired: field.isRequired,
    isId: false,
    isUnique: false,
    isReadOnly: true,
    hasDefault: field.hasDefault,
    isUpdatedAt: false,
    isForeignKey: false,
  };
  if (field.dbName) meta.dbName = field.dbName;
  if (field.documentation) meta.help = field.documentation;
  return meta;
}
