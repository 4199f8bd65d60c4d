/**
 * The checked `models` options, applied to the metadata the server is built from: labels (the model's and its
 * fields'), title field, search fields, help, placeholders and read-only flags change the models' own metadata (so every route, label and
 * write check honours them without knowing about the config), the rest travels in `ModelMeta.admin` to the
 * routes that enforce it (hidden models, actions, default ordering and page size) and to the UI.
 */
import type { FieldMeta, ModelAdminMeta, ModelMeta, SchemaMeta } from "@atrium/core";
import type { ModelOptionsInput } from "./readModelOptions.js";

export function applyModelOptions(
  schema: SchemaMeta,
  options: ReadonlyMap<ModelMeta, ModelOptionsInput>,
): SchemaMeta {
  if (options.size === 0) return schema;
  return { ...schema, models: schema.models.map((model) => withOptions(model, options.get(model))) };
}

function withOptions(model: ModelMeta, input: ModelOptionsInput | undefined): ModelMeta {
  if (!input) return model;
  const { list = {} } = input;
  const configured: ModelMeta = {
    ...model,
    fields: model.fields.map((field) => withFieldOptions(model, field, input)),
  };
  if (input.label !== undefined) configured.label = input.label;
  if (input.pluralLabel !== undefined) configured.labelPlural = input.pluralLabel;
  if (input.titleField !== undefined) {
    configured.titleField = input.titleField;
    delete configured.titleParts;
  }
  if (list.search) configured.searchFields = [...list.search];
  const admin = adminOf(input);
  if (admin) configured.admin = admin;
  return configured;
}

/** A relation and the key scalars that hold it are one value: read-only on one side is read-only on both. */
function readOnlyNames(model: ModelMeta, names: readonly string[]): Set<string> {
  const readOnly = new Set(names);
  for (const field of model.fields) {
    const keys = field.relation && !field.relation.toMany ? field.relation.fromFields : [];
    if (keys.length === 0) continue;
    if (readOnly.has(field.name) || keys.some((key) => readOnly.has(key))) {
      readOnly.add(field.name);
      for (const key of keys) readOnly.add(key);
    }
  }
  return readOnly;
}

function withFieldOptions(model: ModelMeta, field: FieldMeta, input: ModelOptionsInput): FieldMeta {
  const label = input.fieldLabels?.[field.name];
  const help = input.form?.help?.[field.name];
  const placeholder = input.form?.placeholder?.[field.name];
  const readOnly = readOnlyNames(model, input.form?.readOnly ?? []).has(field.name);
  if (label === undefined && help === undefined && placeholder === undefined && !readOnly) return field;
  const configured = { ...field };
  if (label !== undefined) configured.label = label;
  if (help !== undefined) configured.help = help;
  if (placeholder !== undefined) configured.placeholder = placeholder;
  if (readOnly) configured.isReadOnly = true;
  return configured;
}

function adminOf(input: ModelOptionsInput): ModelAdminMeta | undefined {
  const admin: ModelAdminMeta = {};
  if (input.hidden) admin.hidden = true;
  const actions = input.actions ?? {};
  if (actions.add === false || actions.change === false || actions.delete === false) {
    admin.actions = {
      add: actions.add ?? true,
      change: actions.change ?? true,
      delete: actions.delete ?? true,
    };
  }
  if (input.viewOnSite) admin.viewOnSite = input.viewOnSite;
  const { columns, filters, ordering, perPage, perPageChoices, dateHierarchy, computed } = input.list ?? {};
  const list: NonNullable<ModelAdminMeta["list"]> = {};
  if (columns) list.columns = [...columns];
  if (filters) list.filters = [...filters];
  if (ordering) list.ordering = [...ordering];
  if (perPage !== undefined) list.perPage = perPage;
  if (computed && computed.length > 0) list.computed = computed.map((column) => ({ ...column }));
  if (perPageChoices) list.perPageChoices = [...perPageChoices].sort((a, b) => a - b);
  if (dateHierarchy) list.dateHierarchy = dateHierarchy;
  if (input.list?.editable) list.editable = [...input.list.editable];
  if (Object.keys(list).length > 0) admin.list = list;
  const fieldsets = input.form?.fieldsets;
  if (fieldsets && fieldsets.length > 0)
    admin.form = { fieldsets: fieldsets.map((fieldset) => ({ ...fieldset })) };
  return Object.keys(admin).length > 0 ? admin : undefined;
}
