/**
 * What a list/get reads, and how Prisma's result becomes a StoredRow. One query per page whatever the number of
 * relations: to-one relations are joined for their id and title, to-many relations only counted.
 */
import type { FieldMeta, ModelMeta, SchemaMeta, StoredRow } from "@atrium/core";
import type { Args, Row } from "./prismaClient.js";

/** Prisma cannot read `Unsupported` columns; they are left out of rows. */
function isReadable(field: FieldMeta): boolean {
  return field.kind !== "relation" && field.type !== "Unsupported";
}

export function buildSelect(schema: SchemaMeta, model: ModelMeta): Args {
  const select: Args = {};
  const counted: Record<string, true> = {};
  for (const field of model.fields) {
    if (isReadable(field)) {
      select[field.name] = true;
      continue;
    }
    if (field.kind !== "relation" || !field.relation) continue;
    if (field.relation.toMany) {
      counted[field.name] = true;
      continue;
    }
    const related = findModel(schema, field.relation.model);
    if (related) select[field.name] = { select: referenceSelect(related) };
  }
  if (Object.keys(counted).length > 0) select._count = { select: counted };
  return select;
}

/** The fields that address and label a record: ids and title. */
export function referenceSelect(model: ModelMeta): Record<string, true> {
  const select: Record<string, true> = {};
  for (const name of model.idFields) select[name] = true;
  const title = model.fields.find((field) => field.name === model.titleField);
  if (title && isReadable(title)) select[title.name] = true;
  return select;
}

export function shapeRow(schema: SchemaMeta, model: ModelMeta, raw: Row): StoredRow {
  const row: StoredRow = {};
  const counts = (raw._count ?? {}) as Record<string, unknown>;
  for (const field of model.fields) {
    if (isReadable(field)) {
      if (field.name in raw) row[field.name] = toStoredValue(field, raw[field.name]);
      continue;
    }
    if (field.kind !== "relation" || !field.relation) continue;
    if (field.relation.toMany) {
      if (field.name in counts) row[field.name] = Number(counts[field.name] ?? 0);
      continue;
    }
    if (!(field.name in raw)) continue;
    const value = raw[field.name] as Row | null;
    const related = findModel(schema, field.relation.model);
    row[field.name] = value && related ? shapeReference(related, value) : null;
  }
  return row;
}

/** A related record reduced to its ids and title (a RelatedRecord). */
export function shapeReference(model: ModelMeta, raw: Row): StoredRow {
  const row: StoredRow = {};
  for (const name of Object.keys(referenceSelect(model))) {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (field && name in raw) row[name] = toStoredValue(field, raw[name]);
  }
  return row;
}

/** Prisma reads Decimal as a decimal.js object; the data source contract carries it as a string of digits. */
export function toStoredValue(field: FieldMeta, value: unknown): unknown {
  if (field.type !== "Decimal" || value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => decimalText(item));
  return decimalText(value);
}

function decimalText(value: unknown): string {
  if (
    typeof value === "object" &&
    value !== null &&
    "toFixed" in value &&
    typeof value.toFixed === "function"
  ) {
    // toFixed() without digits keeps every digit and never switches to exponent notation.
    return String(value.toFixed());
  }
  return String(value);
}

export function findModel(schema: SchemaMeta, name: string): ModelMeta | undefined {
  return schema.models.find((model) => model.name === name);
}
