/**
 * Start-up checks of the `models` config key (codes atrium.E101–E109, E110–E116 and W101, docs/checks.md) and the schema
 * with the options applied. Errors stop the server: a misspelt column would otherwise silently vanish, and a
 * misspelt read-only field would stay writable.
 */
import { findModelByName, type InlineMeta, type ModelMeta, type SchemaMeta } from "@atrium/core";
import type { ComputedValueFunction, ComputedValuesMap, ServerAction } from "@atrium/server";
import { applyModelOptions } from "./applyModelOptions.js";
import { checkModelFields } from "./checkModelFields.js";
import type { ConfigCheck } from "./configCheck.js";
import { dateHierarchyWarnings } from "./dateHierarchyWarnings.js";
import { hiddenModelWarnings } from "./hiddenModelWarnings.js";
import { readActionOptions } from "./readActionOptions.js";
import { readComputedColumns } from "./readComputedColumns.js";
import { type InlineRead, readInlineOptions } from "./readInlineOptions.js";
import { readModelOptions } from "./readModelOptions.js";

export interface ModelsConfigResult {
  /** Every error found, in the order of the config; empty when the options are usable. */
  checks: ConfigCheck[];
  /** What works but is probably not meant; printed, never fatal. */
  warnings: ConfigCheck[];
  /** `schema` with the options applied; the schema as it was while there are errors. */
  schema: SchemaMeta;
  /** The actions of `bulkActions` and `recordActions`, keyed by model URL key, for createAtriumApp. */
  actions: Map<string, ServerAction[]>;
  /** The `value` functions of `list.computed`, keyed by model URL key, then column name, for createAtriumApp. */
  computedValues: ComputedValuesMap;
}

export function checkModelsConfig(models: unknown, schema: SchemaMeta): ModelsConfigResult {
  const read = readModelOptions(models, schema);
  const checks = [...read.checks];
  const computedValues = new Map<string, ReadonlyMap<string, ComputedValueFunction>>();
  for (const [model, input] of read.options) {
    const raw = (models as Record<string, { list?: { computed?: unknown } }>)[model.name]?.list?.computed;
    const computed = readComputedColumns(schema, model, `models.${model.name}.list.computed`, raw);
    checks.push(...computed.checks);
    if (computed.columns.length > 0) input.list = { ...input.list, computed: computed.columns };
    if (computed.values.size > 0) computedValues.set(model.key, computed.values);
  }
  for (const [model, input] of read.options) checks.push(...checkModelFields(schema, model, input));
  const configured = applyModelOptions(schema, read.options);
  const actions = new Map<string, ServerAction[]>();
  const actionWarnings = [];
  const inlinesByModel = new Map<string, InlineMeta[]>();
  for (const model of configured.models) {
    const raw = (models as Record<string, unknown> | undefined)?.[model.name];
    if (typeof raw !== "object" || raw === null) continue;
    const found = readActionOptions(model, `models.${model.name}`, raw as Record<string, unknown>);
    checks.push(...found.checks);
    actionWarnings.push(...found.warnings);
    if (found.actions.length > 0) actions.set(model.key, found.actions);
    const inlines = readInlineOptions(
      configured,
      model,
      `models.${model.name}`,
      raw as Record<string, unknown>,
    );
    checks.push(...inlines.checks);
    actionWarnings.push(...inlines.warnings);
    if (inlines.inlines.length > 0)
      inlinesByModel.set(model.name, inlines.inlines.map(inlineMeta(configured, model)));
  }
  if (checks.length > 0) {
    return { checks, warnings: [], schema, actions: new Map(), computedValues: new Map() };
  }
  return {
    checks,
    computedValues,
    warnings: [
      ...hiddenModelWarnings(schema.models, read.options),
      ...dateHierarchyWarnings(schema, read.options),
      ...actionWarnings,
    ],
    schema: withInlines(configured, inlinesByModel),
    actions,
  };
}

/** An inline as the server and the UI read it: the child by URL key, with its relation back to the parent. */
function inlineMeta(schema: SchemaMeta, parent: ModelMeta) {
  return (read: InlineRead): InlineMeta => {
    const child = findModelByName(schema, read.model);
    const backField = parent.fields.find((field) => field.name === read.relation)?.relation?.backField ?? "";
    const { model: _name, ...rest } = read;
    return { ...rest, model: child?.key ?? read.model, backField };
  };
}

function withInlines(schema: SchemaMeta, inlines: Map<string, InlineMeta[]>): SchemaMeta {
  if (inlines.size === 0) return schema;
  return {
    ...schema,
    models: schema.models.map((model) => {
      const found = inlines.get(model.name);
      return found ? { ...model, admin: { ...model.admin, inlines: found } } : model;
    }),
  };
}
