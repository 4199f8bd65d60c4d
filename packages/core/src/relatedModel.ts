import { type FieldMeta, findModelByName, type ModelMeta, type SchemaMeta } from "./metadata.js";

/** The model at the other end of a relation field. */
export function relatedModel(schema: SchemaMeta, field: FieldMeta): ModelMeta {
  const target = field.relation && findModelByName(schema, field.relation.model);
  // Metadata is built from one schema, so a dangling relation is a bug in Atrium, not bad input.
  if (!target)
    throw new Error(`Relation field ${field.name} points at unknown model ${field.relation?.model}`);
  return target;
}
