/**
 * After a write failed on a foreign key or a nested connect, find which referenced records do not exist.
 * Needed because SQLite reports "FOREIGN KEY constraint failed" without saying which key; running it only after
 * a failure keeps successful writes free of extra queries.
 */
import type { FieldErrors, FieldMeta, IdValues, ModelMeta, SchemaMeta, WriteData } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { findModel } from "./buildSelect.js";
import { anyIdMatch, idKey } from "./idWhere.js";
import { getDelegate, type QueryClient } from "./prismaClient.js";

export async function findMissingReferences(
  client: QueryClient,
  schema: SchemaMeta,
  model: ModelMeta,
  data: WriteData,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const field of model.fields) {
    const related = field.relation ? findModel(schema, field.relation.model) : undefined;
    if (!field.relation || !related) continue;
    const message = `No ${inSentence(related.label)} has this id`;
    const connected = data.connect[field.name];
    if (connected) {
      if (!(await exists(client, related, [connected]))) errors[field.name] = message;
      continue;
    }
    const ids = data.setMany[field.name];
    if (ids && ids.length > 0) {
      if (!(await exists(client, related, ids)))
        errors[field.name] = `Some ${inSentence(related.labelPlural)} do not exist`;
      continue;
    }
    const keyWhere = foreignKeyWhere(field, data.scalars);
    if (keyWhere && (await getDelegate(client, related).count({ where: keyWhere })) === 0) {
      errors[field.name] = message;
      for (const name of field.relation.fromFields) errors[name] = message;
    }
  }
  return errors;
}

async function exists(client: QueryClient, model: ModelMeta, ids: IdValues[]): Promise<boolean> {
  const distinct = new Set(ids.map((id) => idKey(model, id)));
  const count = await getDelegate(client, model).count({ where: anyIdMatch(model, ids) });
  return count >= distinct.size;
}

/** The related record a write's raw foreign-key scalars point at, when the write sets all of them. */
function foreignKeyWhere(
  field: FieldMeta,
  scalars: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const { fromFields = [], toFields = [] } = field.relation ?? {};
  if (fromFields.length === 0) return undefined;
  const values = fromFields.map((name) => scalars[name]);
  if (values.some((value) => value === undefined || value === null)) return undefined;
  return Object.fromEntries(toFields.map((name, index) => [name, values[index]]));
}
