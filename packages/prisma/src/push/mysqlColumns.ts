/**
 * A scalar field's MySQL column, as `prisma db push` writes it: Prisma's type for each scalar, `@db.*` native
 * types, enums as inline `ENUM(...)`, and the defaults the database keeps (Prisma Client fills in the others).
 */
import type { DmmfEnum, DmmfField } from "../schema/readDatamodel.js";
import type { UnsupportedField } from "../schema/unsupportedFields.js";
import { quote, quoteText } from "./mysqlNames.js";

/** Prisma's column type for each scalar when the field has no `@db.*` attribute. */
const scalarColumn: Record<string, string> = {
  String: "VARCHAR(191)",
  Boolean: "BOOLEAN",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Float: "DOUBLE",
  Decimal: "DECIMAL(65, 30)",
  DateTime: "DATETIME(3)",
  Json: "JSON",
  Bytes: "LONGBLOB",
};

export function columnType(field: DmmfField, enums: Map<string, DmmfEnum>): string {
  if (field.kind === "enum") {
    const values = enums.get(field.type)?.values ?? [];
    return `ENUM(${values.map((value) => quoteText(value.dbName ?? value.name)).join(", ")})`;
  }
  if (field.nativeType) return nativeColumn(field.nativeType);
  const type = scalarColumn[field.type];
  if (!type) throw new Error(`No MySQL column type for ${field.type} (field ${field.name})`);
  return type;
}

export function columnDefinition(field: DmmfField, type: string, enums: Map<string, DmmfEnum>): string {
  const parts = [quote(field.dbName ?? field.name), type];
  if (field.isRequired) parts.push("NOT NULL");
  const extra = defaultClause(withDbEnumDefault(field, enums), type);
  if (extra) parts.push(extra);
  return parts.join(" ");
}

/** Prisma's datamodel leaves `Unsupported("...")` fields out; their column is the type text as written. */
export function unsupportedColumnDefinition(field: UnsupportedField): string {
  const parts = [quote(field.dbName ?? field.name), field.unsupportedType];
  if (field.isRequired) parts.push("NOT NULL");
  if (field.dbDefault) parts.push(`DEFAULT ${field.dbDefault}`);
  return parts.join(" ");
}

/** An enum default names the Prisma value; the column holds its @map name. */
function withDbEnumDefault(field: DmmfField, enums: Map<string, DmmfEnum>): DmmfField {
  if (field.kind !== "enum" || typeof field.default !== "string") return field;
  const value = enums.get(field.type)?.values.find((item) => item.name === field.default);
  return { ...field, default: value?.dbName ?? field.default };
}

/**
 * uuid(), cuid(), nanoid(), ulid() and @updatedAt are filled in by Prisma Client, so the column has no default,
 * as with `prisma db push`. now() gets a database default too, for rows written without Prisma. Json and Bytes
 * literals get none either, like Prisma's (MySQL before 8.0.13 refuses them; Prisma Client sends them).
 */
function defaultClause(field: DmmfField, type: string): string | undefined {
  const value = field.default;
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" && !Array.isArray(value)) {
    switch (value.name) {
      case "autoincrement":
        return "AUTO_INCREMENT";
      case "now": {
        if (!/^(DATETIME|TIMESTAMP)/.test(type)) return undefined;
        const precision = /\((\d+)\)/.exec(type)?.[1] ?? "0";
        return `DEFAULT CURRENT_TIMESTAMP(${precision})`;
      }
      case "dbgenerated": {
        const expression = value.args[0];
        return typeof expression === "string" && expression !== "" ? `DEFAULT ${expression}` : undefined;
      }
      default:
        return undefined;
    }
  }
  if (Array.isArray(value) || field.type === "Json" || field.type === "Bytes") return undefined;
  const literal = literalSql(field, value);
  // TEXT columns take a default only as an expression (MySQL 8.0.13+, MariaDB 10.2+).
  return /^(TINY|MEDIUM|LONG)?TEXT/.test(type) ? `DEFAULT (${literal})` : `DEFAULT ${literal}`;
}

function literalSql(field: DmmfField, value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  switch (field.type) {
    case "DateTime":
      // DATETIME literals carry no zone; Prisma writes and reads them as UTC.
      return quoteText(new Date(value).toISOString().replace("T", " ").replace("Z", ""));
    case "BigInt":
    case "Decimal":
    case "Int":
    case "Float":
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value) ? value : quoteText(value);
    default:
      return quoteText(value);
  }
}

/** `["VarChar", ["20"]]` -> `VARCHAR(20)`, `["UnsignedInt", []]` -> `INT UNSIGNED`. */
function nativeColumn([name, args]: [string, string[]]): string {
  const unsigned = name.startsWith("Unsigned");
  const base = (unsigned ? name.slice("Unsigned".length) : name).toUpperCase();
  const withArgs = args.length > 0 ? `${base}(${args.join(", ")})` : base;
  return unsigned ? `${withArgs} UNSIGNED` : withArgs;
}
