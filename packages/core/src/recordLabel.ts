import { findField, type ModelMeta } from "./metadata.js";
import { encodeRecordId, idValuesOf } from "./recordId.js";
import { encodeWireValue } from "./wireCodec.js";

/**
 * What a record is called in lists, pickers and breadcrumbs (Django's `__str__`): its title field as text,
 * or "{Model label} {$id}" when that is empty, so a record never shows up as a blank line.
 */
export function recordLabel(model: ModelMeta, row: Record<string, unknown>): string {
  const field = findField(model, model.titleField);
  const raw = field && Object.hasOwn(row, field.name) ? row[field.name] : undefined;
  const value = field ? encodeWireValue(field, raw) : raw;
  const text =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean"
      ? String(value).trim()
      : "";
  if (text !== "") return text;
  return `${model.label} ${encodeRecordId(model, idValuesOf(model, row))}`;
}
