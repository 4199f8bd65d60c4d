import type { FieldMeta, ModelMeta } from "@atrium/core";

/** `@db.Date` columns carry no time: they travel as "YYYY-MM-DD" and must never be shifted by time zones. */
export function isDateOnly(field: FieldMeta): boolean {
  return field.type === "DateTime" && field.nativeType?.[0] === "Date";
}

const longTextTypes = new Set(["Text", "MediumText", "LongText", "NText"]);

export function isLongText(field: FieldMeta): boolean {
  return field.type === "String" && longTextTypes.has(field.nativeType?.[0] ?? "");
}

export function isNumeric(field: FieldMeta): boolean {
  return (
    field.kind === "scalar" && ["Int", "Float", "BigInt", "Decimal"].includes(field.type) && !field.isList
  );
}

export function isToOne(field: FieldMeta): boolean {
  return field.kind === "relation" && !field.relation?.toMany;
}

/** Foreign-key scalars that the relation field beside them already shows (and edits). */
export function coveredForeignKeys(model: ModelMeta): Set<string> {
  const covered = new Set<string>();
  for (const field of model.fields) {
    if (field.kind === "relation" && field.relation && !field.relation.toMany) {
      for (const name of field.relation.fromFields) covered.add(name);
    }
  }
  return covered;
}

/**
 * Columns for a list: the configured ones (`models.<Model>.list.columns`) in their order, less those hidden from
 * the user. Else the title field first, then what fits in a row (no Bytes, Json or long text), in schema order;
 * the id and the first to-one relation are kept even on wide models. Six columns fit a laptop screen beside the
 * sidebar without sideways scrolling.
 */
export function listColumns(model: ModelMeta, max = 6): FieldMeta[] {
  const configured = model.admin?.list?.columns;
  if (configured) return fieldsNamed(model, configured);
  const covered = coveredForeignKeys(model);
  const title = model.fields.find((field) => field.name === model.titleField);
  const rest = model.fields.filter((field) => {
    if (field === title || covered.has(field.name)) return false;
    if (field.kind === "relation") return !field.relation?.toMany;
    if (field.type === "Bytes" || field.type === "Json" || field.type === "Unsupported") return false;
    return !isLongText(field);
  });
  const room = max - (title ? 1 : 0);
  // Only one relation is sure of a place: several would crowd out what tells rows apart (status, dates).
  const guaranteed = [rest.find((field) => field.isId), rest.find((field) => field.kind === "relation")];
  const chosen = new Set(
    guaranteed.filter((field): field is FieldMeta => field !== undefined).slice(0, Math.max(room, 0)),
  );
  for (const field of rest) if (chosen.size < room) chosen.add(field);
  return [...(title ? [title] : []), ...rest.filter((field) => chosen.has(field))];
}

export function isSortable(field: FieldMeta): boolean {
  if (field.isList) return false;
  if (field.kind === "relation") return isToOne(field);
  return !["Json", "Bytes", "Unsupported"].includes(field.type);
}

/** Sort path of a column; relation columns sort by the related record's title field. */
export function sortPath(field: FieldMeta, models: ModelMeta[]): string | undefined {
  if (!isSortable(field)) return undefined;
  if (field.kind !== "relation") return field.name;
  const related = models.find((model) => model.name === field.relation?.model);
  return related ? `${field.name}.${related.titleField}` : undefined;
}

export function relatedModel(field: FieldMeta, models: ModelMeta[]): ModelMeta | undefined {
  return field.relation ? models.find((model) => model.name === field.relation?.model) : undefined;
}

export function recordPath(modelKey: string, id: string): string {
  return `/m/${encodeURIComponent(modelKey)}/${encodeURIComponent(id)}`;
}

/** The fields of `names` in that order, skipping names the model (as this user sees it) does not have. */
export function fieldsNamed(model: ModelMeta, names: readonly string[]): FieldMeta[] {
  return names.flatMap((name) => model.fields.find((field) => field.name === name) ?? []);
}
