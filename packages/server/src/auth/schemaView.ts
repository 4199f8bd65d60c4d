/**
 * The schema as one principal may see it: hidden fields are removed from a copy of the metadata, so that
 * parseListQuery, decodeWrite and serializeRow refuse or omit them without knowing about permissions (an
 * unknown field cannot be filtered, sorted, searched or written, and is never serialized). Built once per
 * visibility class (superuser or not, plus the set of roles) and cached.
 *
 * Write-only fields are hidden like the others in `schema` (every read path uses it) and listed apart in each
 * model's `writeOnlyFields`; `writeSchema` keeps them in `fields`, and only writes are decoded against it.
 */
import { type FieldVisibilityConfig, hiddenFields, type Principal, writeOnlyFields } from "@atrium/auth";
import { type FieldMeta, findModelByName, type ModelMeta, type SchemaMeta } from "@atrium/core";

export interface SchemaView {
  /** What this principal may read (and filter, sort, search); each model lists its `writeOnlyFields` apart. */
  schema: SchemaMeta;
  /** What this principal may write: `schema` plus the write-only fields. For decoding writes only. */
  writeSchema: SchemaMeta;
  /** Model key -> names this principal cannot read (hidden and write-only). */
  hidden: ReadonlyMap<string, ReadonlySet<string>>;
  /** Model key -> the names among `hidden` this principal may still set (configured `"writeOnly"`). */
  writeOnly: ReadonlyMap<string, ReadonlySet<string>>;
}

export function viewCacheKey(principal: Principal | null): string {
  if (!principal) return "anonymous";
  return `${principal.isSuperuser ? "super" : "user"}|${[...principal.roles].sort().join("\u0000")}`;
}

export function buildSchemaView(
  schema: SchemaMeta,
  principal: Principal | null,
  config: FieldVisibilityConfig,
): SchemaView {
  const hidden = new Map<string, ReadonlySet<string>>();
  const writeOnly = new Map<string, ReadonlySet<string>>();
  const unwritable = new Map<string, ReadonlySet<string>>();
  for (const model of schema.models) {
    const unreadable = hiddenFields(model, principal, config);
    const settable = writeOnlyFields(model, config);
    hidden.set(model.key, unreadable);
    writeOnly.set(model.key, settable);
    unwritable.set(model.key, new Set([...unreadable].filter((name) => !settable.has(name))));
  }
  const none = new Set<string>();
  const hiddenOf = (model: ModelMeta) => hidden.get(model.key) ?? none;
  const unwritableOf = (model: ModelMeta) => unwritable.get(model.key) ?? none;
  const models = schema.models.map((model) => {
    const filtered = filterModel(schema, model, hiddenOf);
    const settable = writeOnly.get(model.key) ?? none;
    const writeOnlyFields = model.fields.filter((field) => settable.has(field.name));
    return writeOnlyFields.length > 0 ? { ...filtered, writeOnlyFields } : filtered;
  });
  const writeModels = schema.models.map((model) => filterModel(schema, model, unwritableOf));
  return {
    schema: { ...schema, models },
    writeSchema: { ...schema, models: writeModels },
    hidden,
    writeOnly,
  };
}

function filterModel(
  schema: SchemaMeta,
  model: ModelMeta,
  hiddenOf: (model: ModelMeta) => ReadonlySet<string>,
): ModelMeta {
  const hidden = hiddenOf(model);
  const searchFields = model.searchFields.filter((path) => pathIsVisible(schema, model, path, hiddenOf));
  if (hidden.size === 0 && searchFields.length === model.searchFields.length) return model;
  const filtered: ModelMeta = {
    ...model,
    fields: model.fields.filter((field) => !hidden.has(field.name)),
    searchFields,
  };
  if (model.titleParts) {
    const parts = model.titleParts.filter((name) => !hidden.has(name));
    if (parts.length > 0) filtered.titleParts = parts;
    else delete filtered.titleParts;
  }
  // A hidden title would leak through every label; the id is always visible (it is in the URL).
  if (hidden.has(model.titleField)) filtered.titleField = model.idFields[0] ?? model.titleField;
  return filtered;
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
