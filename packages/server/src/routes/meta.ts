import { accessToSet, type ModelAction, modelActions } from "@atrium/auth";
import { findModelByKey, type ModelMeta, withComputedColumns } from "@atrium/core";
import { Hono } from "hono";
import { mayRun } from "../actions/runAction.js";
import type { ResolvedOptions } from "../appOptions.js";
import { accessOf, type RequestAccess } from "../auth/requestAccess.js";
import type { SchemaView } from "../auth/schemaView.js";
import { computedColumnsFor } from "../computed/computedColumnsFor.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";

/** `GET /api/meta`: the schema metadata the SPA builds every view from, models in schema order. */
export function metaRoutes(options: ResolvedOptions): Hono {
  const app = new Hono();
  // The metadata is fixed for the life of the app, so each view's JSON is built once.
  const bodies = new WeakMap<SchemaView, string>();
  app.get("/", (c) => {
    const access = accessOf(c, options.schema);
    let body = bodies.get(access.view);
    if (body === undefined || access.principal) {
      // Only models the user may view, hidden fields removed, with what the user may do so the UI can mirror it,
      // and the write-only fields its forms offer (apart from `fields`, which every read view is built from).
      const models = access.view.schema.models
        .filter((model) => access.can(model.key, "view"))
        .map((model) => withComputedColumns(model, computedColumnsFor(access, options.schema, model)))
        .map((model) => withViewableInlines(access, model))
        .map((model) =>
          access.principal
            ? {
                ...model,
                writeOnlyFields: model.writeOnlyFields ?? [],
                permissions: permissionsOf(access, options, model),
                ...actionsOf(access, options, model),
              }
            : { ...model, ...actionsOf(access, options, model) },
        );
      const { provider, relationMode, enums } = options.schema;
      // The provider and relation mode tell the UI which indexes the database adds by itself (indexedSort.ts).
      body = JSON.stringify({ provider, ...(relationMode ? { relationMode } : {}), models, enums });
      if (!access.principal) bodies.set(access.view, body);
    }
    c.header("Content-Type", "application/json; charset=UTF-8");
    return c.body(body);
  });
  app.all("/", methodNotAllowed(["GET"]));
  return app;
}

/**
 * What the UI may offer: no "add" where a required field is hidden from this user and not write-only (the
 * create would fail). When that is the only reason, `addBlockedBy` is there so the list can say why: for
 * superusers it names those fields (hidden from everyone) and the access that lets forms set them
 * (`"writeOnly"` for text, `"visible"` otherwise); for anyone else it is empty, since the names of fields hidden
 * from them are not theirs to read.
 */
function permissionsOf(access: RequestAccess, options: ResolvedOptions, model: ModelMeta) {
  // The principal's permissions as far as the config allows them (an action it turns off is off for everyone).
  const permissions = Object.fromEntries(
    modelActions.map((action) => [action, access.can(model.key, action)]),
  ) as Record<ModelAction, boolean>;
  const full = findModelByKey(options.schema, model.key) ?? model;
  const blockers = permissions.add ? access.hiddenRequired(full) : [];
  if (blockers.length === 0) return permissions;
  const named = access.principal?.isSuperuser ? blockers : [];
  const addBlockedBy = named.map((field) => ({
    name: field.name,
    label: field.label,
    access: accessToSet(full, field),
  }));
  return { ...permissions, add: false, addBlockedBy };
}

/** The model's inlines of children this user may view: the others are not theirs to know of. */
function withViewableInlines(access: RequestAccess, model: ModelMeta): ModelMeta {
  const inlines = model.admin?.inlines;
  if (!inlines) return model;
  const viewable = inlines.filter((inline) => access.can(inline.model, "view"));
  if (viewable.length === inlines.length) return model;
  const { inlines: _all, ...admin } = model.admin ?? {};
  return { ...model, admin: viewable.length > 0 ? { ...admin, inlines: viewable } : admin };
}

/** The actions this user may run, without their handlers: `bulkActions` for lists, `recordActions` for records. */
function actionsOf(access: RequestAccess, options: ResolvedOptions, model: ModelMeta) {
  const runnable = (options.actions.get(model.key) ?? []).filter((action) => mayRun(access, model, action));
  if (runnable.length === 0) return {};
  const meta = (kind: "bulk" | "record") =>
    runnable
      .filter((action) => action.kind === kind)
      .map(({ handler: _handler, permission: _permission, ...shown }) => shown);
  return { bulkActions: meta("bulk"), recordActions: meta("record") };
}
