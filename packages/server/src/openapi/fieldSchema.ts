/**
 * One field's JSON Schema in the wire encoding the API really uses (wireCodec.ts in @atrium/core): BigInt and
 * Decimal as text, Bytes as base64, DateTime as ISO 8601, `@db.Date` as a day, Json as any value, enums by
 * reference, to-one relations as `{ $id, $label }` and to-many relations as their count.
 */
import { type FieldMeta, isDateOnly, isUuidText, type SchemaMeta } from "@atrium/core";
import type { ReferenceObject, SchemaObject } from "openapi3-ts/oas31";

export type Schema = SchemaObject | ReferenceObject;

/** Component names of the shared schemas every document carries. */
export const refs = {
  recordRef: "#/components/schemas/RecordRef",
  error: "#/components/schemas/Error",
} as const;

/** The component name of an enum's schema: the enum's own name, prefixed so no model can clash with it. */
export function enumComponentName(enumName: string): string {
  return `Enum${enumName}`;
}

const integerText = "^-?[0-9]+$";
const decimalText = "^-?[0-9]+(\\.[0-9]+)?$";

/** The text of a `@db.VarChar(n)` / `Char(n)` limit, which writes check in characters. */
function maxLength(field: FieldMeta): number | undefined {
  const [typeName, args] = field.nativeType ?? [];
  const limit = Number(args?.[0]);
  return typeName && /^N?(Var)?Char$/i.test(typeName) && Number.isInteger(limit) ? limit : undefined;
}

/** One element's schema as the API sends it (a list field is an array of these). */
function readElement(schema: SchemaMeta, field: FieldMeta): Schema | undefined {
  if (field.kind === "enum") return { $ref: `#/components/schemas/${enumComponentName(field.type)}` };
  switch (field.type) {
    case "String": {
      if (isUuidText(field)) return { type: "string", format: "uuid" };
      const limit = maxLength(field);
      return limit === undefined ? { type: "string" } : { type: "string", maxLength: limit };
    }
    case "Int":
      return { type: "integer", format: "int32" };
    case "Float":
      // Only PostgreSQL's double precision holds NaN and the infinities, which JSON cannot: they go as their names.
      return schema.provider === "postgresql"
        ? { anyOf: [{ type: "number" }, { type: "string", enum: ["NaN", "Infinity", "-Infinity"] }] }
        : { type: "number" };
    case "BigInt":
      return { type: "string", pattern: integerText, description: "A 64-bit whole number, as text" };
    case "Decimal":
      return {
        type: "string",
        pattern: decimalText,
        description: "A decimal number, as text (never a float)",
      };
    case "Boolean":
      return { type: "boolean" };
    case "DateTime":
      return isDateOnly(field) ? { type: "string", format: "date" } : { type: "string", format: "date-time" };
    case "Bytes":
      return { type: "string", contentEncoding: "base64" };
    case "Json":
      return { description: "Any JSON value" };
    default:
      // Unsupported(...) columns are never sent.
      return undefined;
  }
}

/** Writes also take a safe JSON integer for a BigInt and a finite number for a Decimal. */
function writeElement(schema: SchemaMeta, field: FieldMeta): Schema | undefined {
  if (field.kind === "scalar" && field.type === "BigInt") {
    return { anyOf: [readElement(schema, field) as SchemaObject, { type: "integer" }] };
  }
  if (field.kind === "scalar" && field.type === "Decimal") {
    return { anyOf: [readElement(schema, field) as SchemaObject, { type: "number" }] };
  }
  if (field.kind === "scalar" && field.type === "Float") return { type: "number" };
  if (field.kind === "scalar" && field.type === "DateTime" && !isDateOnly(field)) {
    return {
      type: "string",
      format: "date-time",
      description: "ISO 8601; without an offset it is read as UTC",
    };
  }
  return readElement(schema, field);
}

function withHelp(field: FieldMeta, value: Schema): Schema {
  const description = [field.label, field.help].filter(Boolean).join(": ");
  if ("$ref" in value) return value.$ref && description ? { ...value, description } : value;
  return description
    ? { ...value, title: field.label, ...(field.help ? { description: field.help } : {}) }
    : value;
}

function nullable(value: Schema): Schema {
  return { anyOf: [value, { type: "null" }] };
}

function shaped(field: FieldMeta, element: Schema | undefined): Schema | undefined {
  if (!element) return undefined;
  const value: Schema = field.isList ? { type: "array", items: element } : element;
  return withHelp(field, field.isRequired || field.isList ? value : nullable(value));
}

/** The field as rows carry it; undefined for what is never sent (`Unsupported(...)`). */
export function readFieldSchema(schema: SchemaMeta, field: FieldMeta): Schema | undefined {
  if (field.kind === "relation") {
    if (field.relation?.toMany) {
      return withHelp(field, { type: "integer", minimum: 0, description: "How many related records" });
    }
    const ref: Schema = { $ref: refs.recordRef };
    return withHelp(field, field.isRequired ? ref : nullable(ref));
  }
  return shaped(field, readElement(schema, field));
}

/**
 * The field as a create or update body takes it; undefined for what cannot be written. A to-one relation takes
 * the related `$id` (or the reference as rows carry it), an implicit many-to-many relation the list of `$id`s
 * that replaces the set.
 */
export function writeFieldSchema(schema: SchemaMeta, field: FieldMeta): Schema | undefined {
  if (field.isReadOnly || field.isUpdatedAt) return undefined;
  if (field.kind === "relation") {
    if (field.relation?.toMany) {
      if (!field.relation.isManyToMany) return undefined;
      return withHelp(field, { type: "array", items: { type: "string" }, description: "The related $ids" });
    }
    const target: Schema = {
      anyOf: [{ type: "string", description: "The related $id" }, { $ref: refs.recordRef }],
    };
    return withHelp(field, field.isRequired ? target : nullable(target));
  }
  return shaped(field, writeElement(schema, field));
}
