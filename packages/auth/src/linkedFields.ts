/**
 * A relation and the scalars holding its key are one secret: a hidden `Order.customerId` would still show as
 * `order.customer.$id` (and filter by it), a hidden `Review.customer` as `customerId`. The other end of the
 * relation (`Customer.orders`) links the same records, so it is the same secret too. Rules hide fields one by
 * one; these functions hide what goes with them.
 */
import type { FieldMeta, ModelMeta, SchemaMeta } from "@atrium/core";

/** A field of a model, as `Model key.field name`. */
export interface FieldRef {
  model: string;
  field: string;
}

/**
 * The fields that share a secret with one relation: the relation field, its key scalars, the relation field
 * at the other end and that end's key scalars. Empty for scalars that hold no key.
 */
export function relationSecret(schema: SchemaMeta, model: ModelMeta, relationField: FieldMeta): FieldRef[] {
  const relation = relationField.relation;
  if (!relation) return [];
  const refs: FieldRef[] = [
    { model: model.key, field: relationField.name },
    ...relation.fromFields.map((name) => ({ model: model.key, field: name })),
  ];
  const other = schema.models.find((candidate) => candidate.name === relation.model);
  const back = relation.backField
    ? other?.fields.find((field) => field.name === relation.backField)
    : undefined;
  if (other && back?.relation) {
    refs.push({ model: other.key, field: back.name });
    refs.push(...back.relation.fromFields.map((name) => ({ model: other.key, field: name })));
  }
  return refs;
}

/**
 * `hidden` (model key -> hidden field names) plus every field that shares a secret with a hidden one, followed
 * until nothing more is hidden (a key scalar may belong to two relations). Identity fields are never added:
 * they are in every record's URL, so a relation keyed by one shows through it whatever the rules say (the
 * start-up check warns about it).
 */
export function withLinkedFields(
  schema: SchemaMeta,
  hidden: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const model of schema.models) result.set(model.key, new Set(hidden.get(model.key) ?? []));
  const identity = new Map(schema.models.map((model) => [model.key, new Set(model.idFields)]));
  const isHidden = (ref: FieldRef) => result.get(ref.model)?.has(ref.field) === true;
  const secrets = schema.models.flatMap((model) =>
    model.fields.filter((field) => field.relation).map((field) => relationSecret(schema, model, field)),
  );
  let changed = true;
  while (changed) {
    changed = false;
    for (const refs of secrets) {
      if (!refs.some(isHidden)) continue;
      for (const ref of refs) {
        if (isHidden(ref) || identity.get(ref.model)?.has(ref.field)) continue;
        result.get(ref.model)?.add(ref.field);
        changed = true;
      }
    }
  }
  return result;
}
