import { AtriumError, closestMatch, findModelByKey, type ModelMeta, type SchemaMeta } from "@atrium/core";

/**
 * The model a URL key names, or a 404 that suggests a close key without listing the schema. A model the config
 * leaves out of the admin (`hidden: true`) answers the same 404 as one that does not exist, and is never suggested.
 */
export function resolveModel(schema: SchemaMeta, key: string): ModelMeta {
  const model = findModelByKey(schema, key);
  if (model && !model.admin?.hidden) return model;
  const suggestion = closestMatch(
    key,
    schema.models.filter((candidate) => !candidate.admin?.hidden).map((candidate) => candidate.key),
  );
  const shown = key.length > 60 ? `${key.slice(0, 60)}…` : key;
  const hint = suggestion ? `; did you mean '${suggestion}'?` : "";
  throw new AtriumError("unknown_model", `No model has the key '${shown}'${hint}`);
}
