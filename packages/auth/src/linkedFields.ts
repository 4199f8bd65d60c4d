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
export function relationSecret(
  schema: SchemaMeta,
  model: ModelMeta,
  relationField: FieldMeta,
  byName?: ReadonlyMap<string, ModelMeta>,
): FieldRef[] {
  const relation = relationField.relation;
  if (!relation) return [];
  const refs: FieldRef[] = [
    { model: model.key, field: relationField.name },
    ...relation.fromFields.map((name) => ({ model: model.key, field: name })),
  ];
  const other = byName
    ? byName.get(relation.model)
    : schema.models.find((candidate) => candidate.name === relation.model);
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
  const { groupsOf, identity } = secretIndex(schema);
  const pending: FieldRef[] = [...result].flatMap(([model, names]) =>
    [...names].map((field) => ({ model, field })),
  );
  for (let ref = pending.pop(); ref; ref = pending.pop()) {
    for (const group of groupsOf.get(refKey(ref)) ?? []) {
      for (const member of group) {
        const names = result.get(member.model);
        if (!names || names.has(member.field) || identity.has(refKey(member))) continue;
        names.add(member.field);
        pending.push(member);
      }
    }
  }
  return result;
}

interface SecretIndex {
  /** `model key.field` -> the relation secrets it belongs to. */
  groupsOf: Map<string, FieldRef[][]>;
  /** `model key.field` of every identity field. */
  identity: Set<string>;
}

// Metadata is fixed for the life of an app, while a view is built per visibility class: index it once.
const indexes = new WeakMap<SchemaMeta, SecretIndex>();

function secretIndex(schema: SchemaMeta): SecretIndex {
  const cached = indexes.get(schema);
  if (cached) return cached;
  const groupsOf = new Map<string, FieldRef[][]>();
  const byName = new Map(schema.models.map((model) => [model.name, model]));
  for (const model of schema.models) {
    for (const field of model.fields) {
      if (!field.relation) continue;
      const group = relationSecret(schema, model, field, byName);
      for (const ref of group) groupsOf.set(refKey(ref), [...(groupsOf.get(refKey(ref)) ?? []), group]);
    }
  }
  const identity = new Set(
    schema.models.flatMap((model) => model.idFields.map((name) => `${model.key}.${name}`)),
  );
  const index = { groupsOf, identity };
  indexes.set(schema, index);
  return index;
}

function refKey(ref: FieldRef): string {
  return `${ref.model}.${ref.field}`;
}
