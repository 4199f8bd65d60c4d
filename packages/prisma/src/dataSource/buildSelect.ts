/**
 * What a list/get reads, and how Prisma's result becomes a StoredRow: the row's scalars and, for each to-one
 * relation, the related record's id and label. To-many relations are counted apart, for the page's keys only
 * (relationCounts.ts).
 */
import type { FieldMeta, ModelMeta, SchemaMeta, StoredRow } from "@atrium/core";
import { decimalDigits } from "./decimalDigits.js";
import type { Args, Row } from "./prismaClient.js";

/** Prisma cannot read `Unsupported` columns; they are left out of rows. */
function isReadable(field: FieldMeta): boolean {
  return field.kind !== "relation" && field.type !== "Unsupported";
}

/**
 * The select of a list or detail row; addRelationCounts (relationCounts.ts) adds its to-many counts. Without
 * `references`, only the row's own columns: relationLabels.ts then reads the to-one labels for a page at once.
 */
export function buildSelect(schema: SchemaMeta, model: ModelMeta, options = { references: true }): Args {
  const select: Args = {};
  for (const field of model.fields) {
    if (isReadable(field)) {
      select[field.name] = true;
      continue;
    }
    if (!options.references) continue;
    if (field.kind !== "relation" || !field.relation || field.relation.toMany) continue;
    const related = findModel(schema, field.relation.model);
    // The related record sits one level down: its own relation parts are joined one level further.
    if (related) select[field.name] = { select: referenceSelect(related, schema, labelDepth - 1) };
  }
  return select;
}

/** How many levels of related records a label reads (an order item's edition's book), counted from the query. */
export const labelDepth = 2;

/**
 * The fields that address and label a record: ids and title, or its titleParts. A relation part is joined for
 * its related record's own label while `depth` allows (nested selects: still one query); past that only its
 * foreign key is read, and the label shows the related $id.
 */
export function referenceSelect(model: ModelMeta, schema?: SchemaMeta, depth = labelDepth): Args {
  const select: Args = {};
  for (const name of model.idFields) select[name] = true;
  const title = model.fields.find((field) => field.name === model.titleField);
  if (title && isReadable(title)) select[title.name] = true;
  for (const name of model.titleParts ?? []) {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field) continue;
    if (isReadable(field)) {
      select[name] = true;
      continue;
    }
    const relation = field.relation;
    if (!relation || relation.toMany) continue;
    const related = schema && findModel(schema, relation.model);
    if (related && depth > 0) select[name] = { select: referenceSelect(related, schema, depth - 1) };
    else for (const key of relation.fromFields) select[key] = true;
  }
  return select;
}

export function shapeRow(schema: SchemaMeta, model: ModelMeta, raw: Row): StoredRow {
  const row: StoredRow = {};
  for (const field of model.fields) {
    if (isReadable(field)) {
      if (field.name in raw) row[field.name] = toStoredValue(field, raw[field.name]);
      continue;
    }
    if (field.kind !== "relation" || !field.relation || field.relation.toMany) continue;
    if (!(field.name in raw)) continue;
    const value = raw[field.name] as Row | null;
    const related = findModel(schema, field.relation.model);
    row[field.name] = value && related ? shapeReference(related, value, schema) : null;
  }
  return row;
}

/** A related record reduced to what addresses and labels it (a RelatedRecord), nested parts included. */
export function shapeReference(model: ModelMeta, raw: Row, schema?: SchemaMeta): StoredRow {
  const row: StoredRow = {};
  for (const [name, value] of Object.entries(raw)) {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field) continue;
    if (isReadable(field)) {
      row[name] = toStoredValue(field, value);
      continue;
    }
    const related = schema && field.relation && findModel(schema, field.relation.model);
    if (related && !field.relation?.toMany) {
      row[name] = value ? shapeReference(related, value as Row, schema) : null;
    }
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
  return decimalDigits(value) ?? String(value);
}

export function findModel(schema: SchemaMeta, name: string): ModelMeta | undefined {
  return schema.models.find((model) => model.name === name);
}
