/**
 * The schema as one principal may see it: what they may not read is removed from a copy of the metadata, so
 * that parseListQuery, decodeWrite, serializeRow and the data source's labels refuse or omit it without knowing
 * about permissions (an unknown field cannot be filtered, sorted, searched or written, and is never serialized).
 * Built once per visibility class (superuser or not, roles, permissions) and cached. What it removes:
 * - hidden fields (field rules, secret names), each with what shares its secret (linkedFields.ts: a relation,
 *   its key scalars and its other end);
 * - everything but the identity of a model the principal may not view: paths through it to other fields are
 *   unknown, nothing of it is searched, and its records are labelled by their id.
 *
 * Write-only fields are hidden like the others in `schema` (every read path uses it) and listed apart in each
 * model's `writeOnlyFields`; `writeSchema` keeps them in `fields`, and only writes are decoded against it. A model
 * the principal may not view keeps its fields in `writeSchema`: whoever may add one still fills in its form.
 */
import {
  can,
  type FieldVisibilityConfig,
  hiddenFields,
  modelPermission,
  type Principal,
  withLinkedFields,
  writeOnlyFields,
} from "@atrium/auth";
import {
  type FieldMeta,
  findModelByName,
  type IndexMeta,
  type ModelMeta,
  type SchemaMeta,
} from "@atrium/core";

export interface SchemaView {
  /** What this principal may read (and filter, sort, search); each model lists its `writeOnlyFields` apart. */
  schema: SchemaMeta;
  /** What this principal may write: the fields they may set, write-only ones included. For decoding writes only. */
  writeSchema: SchemaMeta;
  /** Model key -> names this principal cannot read (hidden, write-only, all but the identity of unviewable models). */
  hidden: ReadonlyMap<string, ReadonlySet<string>>;
  /** Model key -> the names among `hidden` this principal may still set (configured `"writeOnly"`). */
  writeOnly: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The view depends on the roles (field rules) and on the permissions (which models are viewable). */
export function viewCacheKey(principal: Principal | null): string {
  if (!principal) return "anonymous";
  if (principal.isSuperuser) return "super";
  const roles = [...principal.roles].sort().join("\u0000");
  return `user|${roles}|${[...principal.permissions].sort().join("\u0000")}`;
}

export function buildSchemaView(
  schema: SchemaMeta,
  principal: Principal | null,
  config: FieldVisibilityConfig,
): SchemaView {
  const byRule = withLinkedFields(
    schema,
    new Map(schema.models.map((model) => [model.key, hiddenFields(model, principal, config)])),
  );
  const none = new Set<string>();
  const hidden = new Map<string, ReadonlySet<string>>();
  const writeOnly = new Map<string, ReadonlySet<string>>();
  const unwritable = new Map<string, ReadonlySet<string>>();
  const viewable = new Set<string>();
  for (const model of schema.models) {
    const ruled = byRule.get(model.key) ?? none;
    const settable = new Set([...writeOnlyFields(model, config)].filter((name) => ruled.has(name)));
    writeOnly.set(model.key, settable);
    unwritable.set(model.key, new Set([...ruled].filter((name) => !settable.has(name))));
    const mayView = !principal || can(principal, modelPermission(model.key, "view"));
    if (mayView) viewable.add(model.key);
    hidden.set(model.key, mayView ? ruled : nonIdentityFields(model));
  }
  const hiddenOf = (model: ModelMeta) => hidden.get(model.key) ?? none;
  const models = schema.models.map((model) => {
    const filtered = filterModel(schema, model, hiddenOf, !viewable.has(model.key));
    const settable = writeOnly.get(model.key) ?? none;
    const writeOnlyFields = model.fields.filter((field) => settable.has(field.name));
    return writeOnlyFields.length > 0 ? { ...filtered, writeOnlyFields } : filtered;
  });
  const writeModels = schema.models.map((model) =>
    filterModel(schema, model, (each) => unwritable.get(each.key) ?? none),
  );
  return {
    schema: { ...schema, models },
    writeSchema: { ...schema, models: writeModels },
    hidden,
    writeOnly,
  };
}

function nonIdentityFields(model: ModelMeta): Set<string> {
  return new Set(model.fields.map((field) => field.name).filter((name) => !model.idFields.includes(name)));
}

/** `model` without its hidden fields; `labelById` for a model the principal may not view. */
function filterModel(
  schema: SchemaMeta,
  model: ModelMeta,
  hiddenOf: (model: ModelMeta) => ReadonlySet<string>,
  labelById = false,
): ModelMeta {
  const hidden = hiddenOf(model);
  // Nobody searches a model they may not view; through it, only its identity is left to search.
  const searchFields = labelById
    ? []
    : model.searchFields.filter((path) => pathIsVisible(schema, model, path, hiddenOf));
  if (hidden.size === 0 && searchFields.length === model.searchFields.length && !labelById) return model;
  const filtered: ModelMeta = {
    ...model,
    fields: model.fields.filter((field) => !hidden.has(field.name)),
    searchFields,
  };
  if (model.indexes) filtered.indexes = visibleIndexes(model.indexes, hidden);
  const parts = model.titleParts?.filter((name) => !hidden.has(name)) ?? [];
  if (parts.length > 0) filtered.titleParts = parts;
  else delete filtered.titleParts;
  // A hidden title would leak through every label: the record is then labelled by its id, which is always
  // visible (it is in the URL).
  const titleHidden = labelById || (model.titleParts ? parts.length === 0 : hidden.has(model.titleField));
  if (titleHidden) return labelledById(model, filtered);
  // The title field of parts is the first part's key (what a relation column sorts by): the first one left.
  if (hidden.has(model.titleField)) filtered.titleField = partKey(model, parts[0] ?? "") ?? model.titleField;
  return filtered;
}

/**
 * Each index up to its first hidden field: what the UI needs (which visible field leads an index, to offer
 * only the sorts a big list accepts) without the names of hidden fields.
 */
function visibleIndexes(indexes: IndexMeta[], hidden: ReadonlySet<string>): IndexMeta[] {
  return indexes.flatMap((index) => {
    const end = index.fields.findIndex((name) => hidden.has(name));
    if (end === 0) return [];
    return [end < 0 ? index : { ...index, fields: index.fields.slice(0, end) }];
  });
}

function partKey(model: ModelMeta, part: string): string | undefined {
  const field = model.fields.find((candidate) => candidate.name === part);
  return field?.relation ? field.relation.fromFields[0] : field?.name;
}

/** `filtered` labelled by its id: its one field, or each field of a compound id as a part. */
function labelledById(model: ModelMeta, filtered: ModelMeta): ModelMeta {
  const { titleParts: _parts, ...rest } = filtered;
  const titleField = model.idFields[0] ?? model.titleField;
  if (model.idFields.length > 1) return { ...rest, titleField, titleParts: [...model.idFields] };
  return { ...rest, titleField };
}

/** A search path (`book.title`) is usable only when no segment of it is hidden on its model. */
function pathIsVisible(
  schema: SchemaMeta,
  model: ModelMeta,
  path: string,
  hiddenOf: (model: ModelMeta) => ReadonlySet<string>,
): boolean {
  let owner: ModelMeta | undefined = model;
  for (const name of path.split(".")) {
    if (!owner || hiddenOf(owner).has(name)) return false;
    const field: FieldMeta | undefined = owner.fields.find((candidate) => candidate.name === name);
    owner = field?.relation ? findModelByName(schema, field.relation.model) : undefined;
  }
  return true;
}
