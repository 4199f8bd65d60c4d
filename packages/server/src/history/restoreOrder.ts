/**
 * The order in which to re-create records a delete took with it: every record after the records (among them)
 * it refers to, so that each foreign key finds its parent. Read from the snapshots' own key values, since one
 * record can be reached along several cascade paths of different lengths.
 */
import type { AuditEntry } from "@atrium/auth";
import { canonicalJson, findModelByKey, type ModelMeta, type SchemaMeta } from "@atrium/core";

/** Snapshots (`delete` entries) in a creatable order; ties, and any cycle, keep the order they were given in. */
export function restoreOrder(schema: SchemaMeta, entries: readonly AuditEntry[]): AuditEntry[] {
  const modelOf = (entry: AuditEntry) => (entry.model ? findModelByKey(schema, entry.model) : undefined);
  const providers = new Map<string, number>();
  entries.forEach((entry, index) => {
    const model = modelOf(entry);
    if (!model) return;
    for (const toFields of referencedKeys(schema, model)) {
      providers.set(keyOf(model, toFields, entry, toFields), index);
    }
  });
  const dependsOn = entries.map((entry, index) => {
    const model = modelOf(entry);
    const parents = new Set<number>();
    for (const field of model?.fields ?? []) {
      const relation = field.relation;
      const target =
        relation && relation.fromFields.length > 0 ? schemaModel(schema, relation.model) : undefined;
      if (!model || !relation || !target) continue;
      const parent = providers.get(keyOf(target, relation.toFields, entry, relation.fromFields));
      if (parent !== undefined && parent !== index) parents.add(parent);
    }
    return parents;
  });
  const ordered: AuditEntry[] = [];
  const placed = new Set<number>();
  let progress = true;
  while (progress && placed.size < entries.length) {
    progress = false;
    entries.forEach((entry, index) => {
      if (placed.has(index) || [...(dependsOn[index] ?? [])].some((parent) => !placed.has(parent))) return;
      placed.add(index);
      ordered.push(entry);
      progress = true;
    });
  }
  entries.forEach((entry, index) => {
    if (!placed.has(index)) ordered.push(entry);
  });
  return ordered;
}

/** The key field lists other models' relations use to refer to `model` (usually just its id). */
function referencedKeys(schema: SchemaMeta, model: ModelMeta): string[][] {
  const keys = new Map<string, string[]>();
  for (const other of schema.models) {
    for (const field of other.fields) {
      const relation = field.relation;
      if (relation?.model === model.name && relation.fromFields.length > 0) {
        keys.set(relation.toFields.join(","), relation.toFields);
      }
    }
  }
  return [...keys.values()];
}

function schemaModel(schema: SchemaMeta, name: string): ModelMeta | undefined {
  return schema.models.find((model) => model.name === name);
}

/** `model` + key field names + the entry's old values of `valueFields` (wire values, as the snapshot has them). */
function keyOf(model: ModelMeta, keyFields: string[], entry: AuditEntry, valueFields: string[]): string {
  const values = valueFields.map((name) => entry.changes[name]?.old ?? null);
  return `${model.name}|${keyFields.join(",")}|${canonicalJson(values)}`;
}
