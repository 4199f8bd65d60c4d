/**
 * What the current request may do and see, set by the auth guard and read by every route. Routes ask it for
 * the principal's view of the schema (hidden fields removed) and check each model action against it, so no
 * route can forget a check without a test noticing.
 */
import { type ModelAction, modelPermissions, type Principal, type StoredApiToken } from "@atrium/auth";
import {
  AtriumError,
  type FieldMeta,
  findModelByKey,
  inSentence,
  type ModelMeta,
  modelActionEnabled,
  type SchemaMeta,
  type StoredRow,
  serializeRow,
  type WireRow,
} from "@atrium/core";
import type { Context } from "hono";
import type { SchemaView } from "./schemaView.js";

export interface RequestAccess {
  /** Null when the app was built without `auth` (everything allowed, nothing hidden). */
  principal: Principal | null;
  /** The API token the request came with (`Authorization: Bearer`), null for a session or without auth. */
  apiToken: StoredApiToken | null;
  view: SchemaView;
  can(modelKey: string, action: ModelAction): boolean;
  /** Throws 403 forbidden unless the action is allowed on the model (by the config, then by permissions). */
  require(model: ModelMeta, action: ModelAction): void;
  /** Whether a delete may take records of this model with it (WriteContext.mayDelete). */
  mayCascadeInto(modelKey: string): boolean;
  /** The principal's copy of a model (hidden fields removed, write-only ones listed in `writeOnlyFields`). */
  viewModel(model: ModelMeta): ModelMeta;
  /** The model writes are decoded against: the principal's copy plus the write-only fields they may set. */
  writeModel(model: ModelMeta): ModelMeta;
  /**
   * What the data source gets: the full model (audit snapshots keep every column), but only visible search
   * fields.
   */
  dataModel(model: ModelMeta): ModelMeta;
  /** A row as this principal may see it; its `$version` covers only the fields they see (WriteContext.viewSchema). */
  serialize(model: ModelMeta, row: StoredRow): WireRow;
  /**
   * Required fields without a default that this principal can neither see nor set (e.g. `Staff.passwordHash`
   * unless configured `"writeOnly"`): such a model cannot be created through the admin by them.
   */
  hiddenRequired(model: ModelMeta): FieldMeta[];
  /**
   * Why this principal cannot search the model (`q` of lists and look-ups), or undefined when they can: it has
   * no search fields, or every one is hidden from them (a search over nothing would silently match everything).
   */
  unsearchable(model: ModelMeta): string | undefined;
  /** Drops hidden fields from the wire rows a 409 carries in `details.current`. */
  redactError(model: ModelMeta, error: unknown): unknown;
}

// Keyed by the Context, not the Request: the body-limit middleware replaces `c.req.raw` with a wrapped copy.
const accessByRequest = new WeakMap<Context, RequestAccess>();
const openAccessBySchema = new WeakMap<SchemaMeta, RequestAccess>();

export function setAccess(c: Context, access: RequestAccess): void {
  accessByRequest.set(c, access);
}

/** The access the guard set for this request, or (without auth) one that allows everything. */
export function accessOf(c: Context, schema: SchemaMeta): RequestAccess {
  const access = accessByRequest.get(c);
  if (access) return access;
  let open = openAccessBySchema.get(schema);
  if (!open) {
    open = createAccess(null, { schema, writeSchema: schema, hidden: new Map(), writeOnly: new Map() });
    openAccessBySchema.set(schema, open);
  }
  return open;
}

export function createAccess(
  principal: Principal | null,
  view: SchemaView,
  apiToken: StoredApiToken | null = null,
): RequestAccess {
  const enforced = principal !== null;
  const permitted = (modelKey: string, action: ModelAction) =>
    !enforced || modelPermissions(principal, modelKey)[action];
  // The config's word comes before anyone's permissions: a hidden model, or an action turned off, is off for all.
  const configured = new Map(view.schema.models.map((model) => [model.key, model]));
  const can = (modelKey: string, action: ModelAction) => {
    const model = configured.get(modelKey);
    return (!model || configAllows(model, action)) && permitted(modelKey, action);
  };
  const viewModel = (model: ModelMeta) => findModelByKey(view.schema, model.key) ?? model;
  const writeModel = (model: ModelMeta) => findModelByKey(view.writeSchema, model.key) ?? model;
  const none: ReadonlySet<string> = new Set<string>();
  const hiddenOf = (model: ModelMeta) => view.hidden.get(model.key) ?? none;
  const strip = (model: ModelMeta, value: unknown): unknown => {
    if (Array.isArray(value)) return value.map((item) => strip(model, item));
    if (typeof value !== "object" || value === null) return value;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const name of hiddenOf(model)) delete copy[name];
    return copy;
  };
  return {
    principal,
    apiToken,
    view,
    can,
    require(model, action) {
      const turnedOff = actionTurnedOff(configured.get(model.key) ?? model, action);
      if (turnedOff) throw new AtriumError("forbidden", turnedOff);
      if (!can(model.key, action)) {
        throw new AtriumError(
          "forbidden",
          `You may not ${action} ${inSentence(model.labelPlural)}; ask an administrator for the permission 'model:${model.key}:${action}'`,
        );
      }
    },
    mayCascadeInto(modelKey) {
      // A hidden model is only out of sight: deleting what holds its records takes them as the database says.
      return configured.get(modelKey)?.admin?.hidden
        ? permitted(modelKey, "delete")
        : can(modelKey, "delete");
    },
    viewModel,
    writeModel,
    dataModel(model) {
      const visible = viewModel(model);
      return visible === model ? model : { ...model, searchFields: visible.searchFields };
    },
    serialize(model, row) {
      return serializeRow(view.schema, viewModel(model), row);
    },
    hiddenRequired(model) {
      const writable = new Set(writeModel(model).fields.map((field) => field.name));
      return model.fields.filter(
        (field) =>
          !writable.has(field.name) &&
          field.kind !== "relation" &&
          field.isRequired &&
          !field.hasDefault &&
          !field.isReadOnly &&
          !field.isUpdatedAt &&
          !field.isList,
      );
    },
    unsearchable(model) {
      if (viewModel(model).searchFields.length > 0) return undefined;
      const what = model.labelPlural;
      return model.searchFields.length > 0
        ? `${what} cannot be searched: the fields they are searched by are hidden from you`
        : `${what} cannot be searched: no search fields`;
    },
    redactError(model, error) {
      if (!(error instanceof AtriumError) || hiddenOf(model).size === 0) return error;
      const details = error.details as { current?: unknown } | undefined;
      if (!details || typeof details !== "object" || !("current" in details)) return error;
      return new AtriumError(error.code, error.message, {
        ...(error.fields ? { fields: error.fields } : {}),
        details: { ...details, current: strip(model, details.current) },
      });
    },
  };
}

/** A hidden model allows nothing; otherwise an action is allowed unless the config turns it off. */
function configAllows(model: ModelMeta, action: ModelAction): boolean {
  if (model.admin?.hidden) return false;
  return action === "view" || modelActionEnabled(model, action);
}

const actionWords = { add: "added", change: "changed", delete: "deleted" } as const;

/** The 403's message when the config, not a permission, turns `action` off; undefined otherwise. */
function actionTurnedOff(model: ModelMeta, action: ModelAction): string | undefined {
  if (action === "view" || modelActionEnabled(model, action)) return undefined;
  return `${model.labelPlural} cannot be ${actionWords[action]} in this admin: its configuration turns that off (models.${model.name}.actions.${action})`;
}
