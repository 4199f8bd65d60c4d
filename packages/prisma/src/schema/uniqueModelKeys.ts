import type { ModelMeta } from "@atrium/core";

/**
 * Models whose names read alike get keys of their own: `audit_log` and `AuditLog` (a legacy table beside the
 * model that replaced it) both make `audit-log`, and every URL naming it reached the first only. The first in
 * the schema keeps the plain key; a later one takes its name in lower case, then a number if that is taken too.
 */
export function uniqueModelKeys(models: ModelMeta[]): ModelMeta[] {
  const taken = new Set<string>();
  return models.map((model) => {
    let key = model.key;
    if (taken.has(key)) key = model.name.toLowerCase();
    for (let suffix = 2; taken.has(key); suffix += 1) key = `${model.name.toLowerCase()}-${suffix}`;
    taken.add(key);
    return key === model.key ? model : { ...model, key };
  });
}
