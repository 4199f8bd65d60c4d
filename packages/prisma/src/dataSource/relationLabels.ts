/**
 * The to-one labels of a page of rows, read apart from the rows: one statement per relation for the keys the
 * page holds, all relations at once, and none for a relation no row of the page points through (a nullable
 * key that is empty on every row). Prisma's nested selects run one statement per relation whatever the keys,
 * one after the other. The raw rows get the related record under the relation's name, as a nested select would
 * have put it, so shapeRow (buildSelect.ts) reads both alike.
 */
import type { FieldMeta, ModelMeta, SchemaMeta } from "@atrium/core";
import { findModel, labelDepth, referenceSelect } from "./buildSelect.js";
import { getDelegate, type QueryClient, type Row } from "./prismaClient.js";

/** How a relation of `model` finds its related record: which of our columns match which of theirs. */
interface Link {
  field: FieldMeta;
  related: ModelMeta;
  /** Columns of the page's rows... */
  ours: string[];
  /** ...equal to these columns of the related record. */
  theirs: string[];
}

/** The to-one relations a row's select would nest, with the columns that join them. */
export function toOneLinks(schema: SchemaMeta, model: ModelMeta): Link[] {
  const links: Link[] = [];
  for (const field of model.fields) {
    const relation = field.relation;
    if (field.kind !== "relation" || !relation || relation.toMany) continue;
    const related = findModel(schema, relation.model);
    if (!related) continue;
    if (relation.fromFields.length > 0) {
      links.push({ field, related, ours: relation.fromFields, theirs: relation.toFields });
      continue;
    }
    // The side without the key (a one-to-one's back relation): the related record holds it.
    const back = related.fields.find((candidate) => candidate.name === relation.backField)?.relation;
    if (back && back.fromFields.length > 0) {
      links.push({ field, related, ours: back.toFields, theirs: back.fromFields });
    }
  }
  return links;
}

/** Puts each row's related records (id and label fields) under its relation names. */
export async function attachReferences(
  client: QueryClient,
  schema: SchemaMeta,
  model: ModelMeta,
  rows: Row[],
): Promise<void> {
  if (rows.length === 0) return;
  await Promise.all(toOneLinks(schema, model).map((link) => attachLink(client, schema, link, rows)));
}

async function attachLink(client: QueryClient, schema: SchemaMeta, link: Link, rows: Row[]): Promise<void> {
  const keyOf = (row: Row, columns: string[]) => {
    const values = columns.map((column) => row[column]);
    return values.some((value) => value === null || value === undefined) ? undefined : keyText(values);
  };
  const wanted = new Map<string, unknown[]>();
  for (const row of rows) {
    const key = keyOf(row, link.ours);
    if (key !== undefined)
      wanted.set(
        key,
        link.ours.map((column) => row[column]),
      );
  }
  const found = new Map<string, Row>();
  if (wanted.size > 0) {
    const select = referenceSelect(link.related, schema, labelDepth - 1);
    for (const column of link.theirs) select[column] = true;
    const related = await getDelegate(client, link.related).findMany({
      where: matchAny(link.theirs, [...wanted.values()]),
      select,
    });
    for (const record of related) {
      const key = keyOf(record, link.theirs);
      if (key !== undefined) found.set(key, record);
    }
  }
  for (const row of rows) {
    const key = keyOf(row, link.ours);
    row[link.field.name] = (key !== undefined && found.get(key)) || null;
  }
}

/** `column IN (...)` for one column; for several, one AND per key. */
function matchAny(columns: string[], keys: unknown[][]): Record<string, unknown> {
  const [only] = columns;
  if (columns.length === 1 && only) return { [only]: { in: keys.map((key) => key[0]) } };
  return { OR: keys.map((key) => Object.fromEntries(columns.map((column, at) => [column, key[at]]))) };
}

/** One text per key, equal for equal values (BigInt, Decimal, Date and Bytes included). */
function keyText(values: unknown[]): string {
  return JSON.stringify(values.map(keyPart));
}

function keyPart(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Array.from(value);
  return typeof value === "object" || typeof value === "bigint" ? String(value) : value;
}
