import type { ModelAction } from "@atrium/auth";
import {
  AtriumError,
  decodeRecordId,
  decodeWrite,
  type ModelMeta,
  parseListQuery,
  type StoredRow,
  type WireRow,
  type WriteMode,
} from "@atrium/core";
import { type Context, Hono } from "hono";
import { type ResolvedOptions, writeContext } from "../appOptions.js";
import { accessOf, type RequestAccess } from "../auth/requestAccess.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { readJsonBody } from "../readJsonBody.js";
import { resolveModel } from "../resolveModel.js";
import { deleteMany } from "./deleteMany.js";

/** CRUD over one model: `/api/records/{key}` and `/api/records/{key}/{id}`, where `{id}` is a record's `$id`. */
export function recordRoutes(options: ResolvedOptions): Hono {
  const { schema, dataSource } = options;
  const app = new Hono();
  const model = (c: Context): ModelMeta => resolveModel(schema, c.req.param("key") ?? "");
  /** The model, once the principal may do `action` on it, with their view of the schema. */
  const allowed = (c: Context, action: ModelAction) => {
    const target = model(c);
    const access = accessOf(c, schema);
    access.require(target, action);
    return { target, access, view: access.view.schema, visible: access.viewModel(target) };
  };
  /** A write body decoded against what the principal may set: visible fields plus write-only ones. */
  const decodeBody = (access: RequestAccess, target: ModelMeta, body: unknown, mode: WriteMode) =>
    decodeWrite(access.view.writeSchema, access.writeModel(target), body, mode);
  const recordId = (c: Context, target: ModelMeta) => decodeRecordId(target, c.req.param("id") ?? "");

  app.get("/:key", async (c) => {
    const { target, access, view, visible } = allowed(c, "view");
    const unsearchable = access.unsearchable(target);
    const query = parseListQuery(view, visible, new URL(c.req.url).searchParams, {
      maxPerPage: options.maxPerPage,
      ...(unsearchable ? { unsearchable } : {}),
    });
    const result = await dataSource.list(access.dataModel(target), query);
    return c.json({
      data: result.rows.map((row) => access.serialize(target, row)),
      total: result.total,
      totalIsEstimate: result.totalIsEstimate,
      page: query.page,
      perPage: query.perPage,
    });
  });

  app.post("/:key", async (c) => {
    const { target, access } = allowed(c, "add");
    const data = decodeBody(access, target, await readJsonBody(c, options.maxBodyBytes), "create");
    const missing = access.hiddenRequired(target).map((field) => field.label);
    if (missing.length > 0) {
      throw new AtriumError(
        "validation_failed",
        `${target.labelPlural} cannot be created in the admin: ${missing.join(", ")} is required but hidden; create them in your application`,
      );
    }
    const answer = answerOf((row) => access.serialize(target, row));
    const row = await dataSource.create(target, data, {
      ...writeContext(options, c),
      beforeCommit: answer.build,
    });
    return c.json({ data: answer.get(row) }, 201);
  });

  app.all("/:key", methodNotAllowed(["GET", "POST"]));

  // Registered before `/:key/:id` so that a POST here is a bulk delete; the id routes take no POST anyway.
  app.post("/:key/delete-many", deleteMany(options));

  app.get("/:key/:id", async (c) => {
    const { target, access } = allowed(c, "view");
    const row = await dataSource.get(target, recordId(c, target));
    if (!row) throw notFound(target, c.req.param("id") ?? "");
    return c.json({ data: access.serialize(target, row) });
  });

  app.patch("/:key/:id", async (c) => {
    const { target, access } = allowed(c, "change");
    const id = recordId(c, target);
    const body = await readJsonBody(c, options.maxBodyBytes);
    const data = decodeBody(access, target, body, "update");
    const expectedVersion = versionOf((body as { $version?: unknown }).$version, "$version");
    const answer = answerOf((row) => access.serialize(target, row));
    const row = await dataSource
      .update(target, id, data, { ...writeContext(options, c), expectedVersion, beforeCommit: answer.build })
      .catch((error: unknown) => Promise.reject(access.redactError(target, error)));
    return c.json({ data: answer.get(row) });
  });

  app.delete("/:key/:id", async (c) => {
    const { target, access } = allowed(c, "delete");
    const expectedVersion = versionOf(c.req.query("version"), "version");
    await dataSource
      .delete(target, recordId(c, target), { ...writeContext(options, c), expectedVersion })
      .catch((error: unknown) => Promise.reject(access.redactError(target, error)));
    return c.body(null, 204);
  });

  app.all("/:key/:id", methodNotAllowed(["GET", "PATCH", "DELETE"]));

  app.get("/:key/:id/delete-preview", async (c) => {
    const { target, view } = allowed(c, "view");
    const preview = await dataSource.deletePreview(target, recordId(c, target), { viewSchema: view });
    return c.json({ data: preview });
  });

  app.all("/:key/:id/delete-preview", methodNotAllowed(["GET"]));

  return app;
}

/**
 * The `$version` a write was made from (PATCH body `$version`, DELETE `?version=`); absent means "whatever is
 * stored", for API clients that do not track versions.
 */
export function versionOf(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "" || value.length > 100) {
    const message = "Expected the $version text of the record as it was loaded";
    throw new AtriumError("bad_request", message, { fields: { [name]: message } });
  }
  return value;
}

/**
 * The answer to a write, built inside its transaction (WriteContext.beforeCommit): a row that cannot be
 * answered with rolls the write back instead of answering 500 after it. A data source that does not call the
 * hook gets it built afterwards.
 */
function answerOf(serialize: (row: StoredRow) => WireRow) {
  let built: WireRow | undefined;
  return {
    build(row: StoredRow): void {
      built = serialize(row);
    },
    get: (row: StoredRow): WireRow => built ?? serialize(row),
  };
}

function notFound(model: ModelMeta, id: string): AtriumError {
  return new AtriumError("not_found", `No ${model.label} has the id '${id}'; it may have been deleted`);
}
