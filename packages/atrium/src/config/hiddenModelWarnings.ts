/**
 * atrium.W101: a model left out of the admin (`hidden: true`) has no look-up, so the picker of a required
 * relation that points at it offers nothing, and the models holding such a relation cannot be created in the
 * admin. It works (their records still show and change), but is probably not meant.
 */
import type { ModelMeta } from "@atrium/core";
import type { ConfigCheck } from "./configCheck.js";
import type { ModelOptionsInput } from "./readModelOptions.js";

export function hiddenModelWarnings(
  models: readonly ModelMeta[],
  options: ReadonlyMap<ModelMeta, ModelOptionsInput>,
): ConfigCheck[] {
  const hidden = new Set(models.filter((model) => options.get(model)?.hidden).map((model) => model.name));
  if (hidden.size === 0) return [];
  const warnings: ConfigCheck[] = [];
  for (const model of models) {
    const own = options.get(model);
    if (own?.hidden || own?.actions?.add === false) continue;
    for (const field of model.fields) {
      const target = field.relation?.model;
      if (!target || !hidden.has(target) || field.relation?.toMany || !field.isRequired) continue;
      warnings.push({
        code: "atrium.W101",
        message: `models.${target}.hidden: ${model.name}.${field.name} is a required relation to ${target}, which the admin leaves out, so its picker offers nothing and ${model.name} records cannot be created in the admin; show ${target}, or set models.${model.name}.actions.add to false.`,
      });
    }
  }
  return warnings;
}
