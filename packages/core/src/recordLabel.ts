import { type FieldMeta, findField, findModelByName, type ModelMeta, type SchemaMeta } from "./metadata.js";
import { encodeRecordId, idValuesOf } from "./recordId.js";
import { encodeWireValue } from "./wireCodec.js";

/** Between the parts of a derived label: "BK-2026-025000 · Dune". */
export const titlePartSeparator = " · ";

/**
 * What a record is called in lists, pickers and breadcrumbs (Django's `__str__`): its title field as text, or,
 * for models with `titleParts`, the parts' texts joined by " · " (a relation part shows the related record's own
 * label, read from the related record the row carries); "{Model label} {$id}" when that is empty, so a record
 * never shows up as a blank line.
 *
 * Related labels need `schema`; without it a model with titleParts is labelled by its titleField. How deep
 * related labels go is decided by what the data source loaded: a relation part whose record is absent shows
 * the related $id, taken from the foreign key.
 */
export function recordLabel(model: ModelMeta, row: Record<string, unknown>, schema?: SchemaMeta): string {
  const text =
    model.titleParts && model.titleParts.length > 0 && schema
      ? model.titleParts
          .map((name) => partText(schema, model, name, row))
          .filter((part) => part !== "")
          .join(titlePartSeparator)
      : fieldText(findField(model, model.titleField), row);
  if (text !== "") return text;
  return `${model.label} ${encodeRecordId(model, idValuesOf(model, row))}`;
}

function fieldText(field: FieldMeta | undefined, row: Record<string, unknown>): string {
  if (!field || !Object.hasOwn(row, field.name)) return "";
  const value = encodeWireValue(field, row[field.name]);
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value).trim()
    : "";
}

function partText(schema: SchemaMeta, model: ModelMeta, name: string, row: Record<string, unknown>): string {
  const field = findField(model, name);
  if (field?.kind !== "relation") return fieldText(field, row);
  const related = field.relation && findModelByName(schema, field.relation.model);
  if (!related || field.relation?.toMany) return "";
  const value = row[name];
  if (isRecord(value)) return recordLabel(related, value, schema);
  return foreignKeyId(field, related, row);
}

/** The related record's $id from the row's own foreign key, for relation parts loaded no deeper. */
function foreignKeyId(field: FieldMeta, related: ModelMeta, row: Record<string, unknown>): string {
  const relation = field.relation;
  if (!relation || relation.fromFields.length === 0) return "";
  const values: Record<string, unknown> = {};
  for (const [index, from] of relation.fromFields.entries()) {
    const value = row[from];
    if (value === null || value === undefined) return "";
    values[relation.toFields[index] ?? ""] = value;
  }
  if (!related.idFields.every((name) => Object.hasOwn(values, name))) return "";
  return encodeRecordId(related, values);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
