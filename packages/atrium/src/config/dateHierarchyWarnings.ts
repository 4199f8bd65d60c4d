/**
 * atrium.W150: a date drill-down on a field no index leads. The drill-down reads the list's first and last date
 * by sorting on the field; past `unindexedSortLimit` rows such a sort is refused, so the links would not show.
 */
import { indexLeadingFields, type ModelMeta, type SchemaMeta } from "@atrium/core";
import type { ConfigCheck } from "./configCheck.js";
import type { ModelOptionsInput } from "./readModelOptions.js";

export function dateHierarchyWarnings(
  schema: SchemaMeta,
  options: ReadonlyMap<ModelMeta, ModelOptionsInput>,
): ConfigCheck[] {
  const warnings: ConfigCheck[] = [];
  for (const [model, input] of options) {
    const field = input.list?.dateHierarchy;
    if (!field || indexLeadingFields(schema, model).has(field)) continue;
    warnings.push({
      code: "atrium.W150",
      message: `models.${model.name}.list.dateHierarchy: no index starts with ${model.name}.${field}, so on a list of more than unindexedSortLimit rows the date links cannot be shown; add @@index([${field}]) to ${model.name}.`,
    });
  }
  return warnings;
}
