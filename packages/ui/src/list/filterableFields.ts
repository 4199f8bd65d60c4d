import type { FieldMeta, ModelMeta } from "@atrium/core";
import { coveredForeignKeys, fieldsNamed } from "../format/fieldKinds.js";

/** The filter control a field gets, chosen from its metadata alone. */
export type FilterKind = "boolean" | "enum" | "number" | "date" | "text" | "relation";

export function filterKind(field: FieldMeta): FilterKind | undefined {
  if (field.isList && field.kind !== "relation") return undefined;
  if (field.kind === "relation") {
    if (!field.relation) return undefined;
    return !field.relation.toMany || field.relation.isManyToMany ? "relation" : undefined;
  }
  if (field.kind === "enum") return "enum";
  switch (field.type) {
    case "Boolean":
      return "boolean";
    case "Int":
    case "Float":
    case "BigInt":
    case "Decimal":
      return "number";
    case "DateTime":
      return "date";
    case "String":
      return "text";
    default:
      return undefined;
  }
}

/**
 * Fields worth a filter: the configured ones (`models.<Model>.list.filters`) in their order; else all but ids
 * and foreign keys (their relation is filterable instead), in schema order.
 */
export function filterableFields(model: ModelMeta): FieldMeta[] {
  const configured = model.admin?.list?.filters;
  if (configured) return fieldsNamed(model, configured).filter((field) => filterKind(field) !== undefined);
  const covered = coveredForeignKeys(model);
  return model.fields.filter(
    (field) => !field.isId && !covered.has(field.name) && filterKind(field) !== undefined,
  );
}
