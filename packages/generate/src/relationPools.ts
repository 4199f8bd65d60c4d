/**
 * The records a generated row may point at: for each to-one relation whose key it holds, the referenced values
 * of existing records (and, for a self-relation, of the rows generated before it); for each implicit
 * many-to-many relation, the ids of records to link. Read once per model, in id order, so a seed picks the
 * same records every time.
 */
import type { DataSource, FieldMeta, IdValues, ModelMeta, SchemaMeta } from "@atrium/core";
import { findModelByName } from "@atrium/core";

/** Most existing records read per pool: enough variety, bounded memory on big tables. */
export const maxPoolSize = 50_000;

export interface ToOnePool {
  /** The relation field (holding `relation.fromFields`). */
  field: FieldMeta;
  parent: ModelMeta;
  /** Each candidate's values of `relation.toFields`, in that order. */
  keys: unknown[][];
}

export interface ManyPool {
  field: FieldMeta;
  related: ModelMeta;
  ids: IdValues[];
}

export interface Pools {
  toOne: ToOnePool[];
  many: ManyPool[];
}

/** To-one relations this model holds the key of (the side with `fields: [...]`). */
export function keyedRelations(model: ModelMeta): FieldMeta[] {
  return model.fields.filter(
    (field) => field.relation && !field.relation.toMany && field.relation.fromFields.length > 0,
  );
}

/**
 * Implicit many-to-many fields to fill. A self-relation has two fields for one relation (`following`,
 * `followers`); linking through one of them is enough, and through both would link some pairs twice.
 */
export function linkedManyFields(model: ModelMeta): FieldMeta[] {
  const names = new Set<string>();
  return model.fields.filter((field) => {
    if (!field.relation?.isManyToMany) return false;
    if (names.has(field.relation.name)) return false;
    names.add(field.relation.name);
    return true;
  });
}

export function relatedOf(schema: SchemaMeta, field: FieldMeta): ModelMeta {
  const related = field.relation ? findModelByName(schema, field.relation.model) : undefined;
  if (!related) throw new Error(`Atrium: the related model of ${field.name} is not in the schema`);
  return related;
}

export async function readPools(
  schema: SchemaMeta,
  dataSource: DataSource,
  model: ModelMeta,
): Promise<Pools> {
  const toOne: ToOnePool[] = [];
  for (const field of keyedRelations(model)) {
    const parent = relatedOf(schema, field);
    const toFields = field.relation?.toFields ?? [];
    const rows = await dataSource.readValues(parent, toFields, maxPoolSize);
    // A record whose referenced values are empty (an optional unique e-mail) cannot be pointed at.
    const keys = rows.map((row) => toFields.map((name) => row[name])).filter(isComplete);
    toOne.push({ field, parent, keys });
  }
  const many: ManyPool[] = [];
  for (const field of linkedManyFields(model)) {
    const related = relatedOf(schema, field);
    const rows = await dataSource.readValues(related, related.idFields, maxPoolSize);
    many.push({ field, related, ids: rows.map((row) => idValues(related, row)) });
  }
  return { toOne, many };
}

/** Adds rows just created to the pools of self-relations, so later rows can point at them (shallow trees). */
export function growSelfPools(model: ModelMeta, pools: Pools, created: Record<string, unknown>[]): void {
  for (const pool of pools.toOne) {
    if (pool.parent.name !== model.name) continue;
    const toFields = pool.field.relation?.toFields ?? [];
    for (const row of created) {
      const key = toFields.map((name) => row[name]);
      if (isComplete(key)) pool.keys.push(key);
    }
  }
  for (const pool of pools.many) {
    if (pool.related.name === model.name) pool.ids.push(...created.map((row) => idValues(model, row)));
  }
}

function isComplete(key: unknown[]): boolean {
  return key.every((value) => value !== null && value !== undefined);
}

function idValues(model: ModelMeta, row: Record<string, unknown>): IdValues {
  const id: IdValues = {};
  for (const name of model.idFields) id[name] = row[name];
  return id;
}
