import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import demoConfig from "../../atrium.config.js";
import { checkModelsConfig } from "../../packages/atrium/src/config/checkModelsConfig.js";
import type { FieldMeta, ModelMeta, SchemaMeta } from "../../packages/core/src/index.js";
import { loadSchemaMetaFromFile } from "../../packages/prisma/src/schema/loadSchemaMeta.js";

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), "../../prisma/schema.prisma");

/**
 * The demo schema's metadata, read from the same schema the server serves and configured by the same
 * `models` options (labels, read-only fields...). Specs need it while Playwright collects tests (before the web
 * server is up), so it cannot come from `GET /api/meta`.
 */
export const demoMeta: SchemaMeta = checkModelsConfig(
  demoConfig.models,
  await loadSchemaMetaFromFile(schemaPath),
).schema;

export function modelByKey(key: string, meta: SchemaMeta = demoMeta): ModelMeta {
  const model = meta.models.find((candidate) => candidate.key === key);
  if (!model)
    throw new Error(`No model '${key}' in the schema; known: ${meta.models.map((m) => m.key).join(", ")}`);
  return model;
}

export function modelByName(name: string, meta: SchemaMeta = demoMeta): ModelMeta {
  const model = meta.models.find((candidate) => candidate.name === name);
  if (!model) throw new Error(`No model named '${name}' in the schema`);
  return model;
}

export function fieldOf(model: ModelMeta, name: string): FieldMeta {
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`Model ${model.name} has no field '${name}'`);
  return field;
}

/** Foreign-key scalars the form edits through their relation field (the UI never shows them as inputs). */
export function relationKeyFields(model: ModelMeta): Set<string> {
  const keys = new Set<string>();
  for (const field of model.fields) {
    if (field.kind === "relation" && field.relation && !field.relation.toMany) {
      for (const name of field.relation.fromFields) keys.add(name);
    }
  }
  return keys;
}

/** Fields a create must give: required, writable, without a default, not a list. */
export function requiredCreateFields(model: ModelMeta): FieldMeta[] {
  const keys = relationKeyFields(model);
  return model.fields.filter(
    (field) =>
      field.isRequired &&
      !field.isReadOnly &&
      !field.hasDefault &&
      !field.isList &&
      !keys.has(field.name) &&
      !(field.kind === "relation" && field.relation?.toMany),
  );
}

/** Write-only fields (GET /api/meta's `writeOnlyFields`) a create must give: required, without a default. */
export function requiredWriteOnlyFields(model: ModelMeta): FieldMeta[] {
  return (model.writeOnlyFields ?? []).filter((field) => field.isRequired && !field.hasDefault);
}

/** Names of the fields the server lets this user set but never shows (`writeOnlyFields` of GET /api/meta). */
export function writeOnlyNames(model: ModelMeta): Set<string> {
  return new Set((model.writeOnlyFields ?? []).map((field) => field.name));
}

/** True when the field's value (or its key scalars) take part in a unique constraint or the id. */
export function isInUniqueConstraint(model: ModelMeta, field: FieldMeta): boolean {
  const names = field.kind === "relation" ? (field.relation?.fromFields ?? []) : [field.name];
  if (names.length === 0) return false;
  const constraints = [...model.uniqueIndexes, model.idFields];
  return names.some(
    (name) =>
      model.fields.find((candidate) => candidate.name === name)?.isUnique === true ||
      constraints.some((constraint) => constraint.includes(name)),
  );
}
