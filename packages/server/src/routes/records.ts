import { AtriumError, decodeRecordId } from "@atrium/core";
import { type Context, Hono } from "hono";
import { runActionRoute } from "../actions/runAction.js";
import type { ResolvedOptions } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import { inlineAnswer } from "../inlines/inlineAnswer.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { readJsonBody } from "../readJsonBody.js";
import { resolveModel } from "../resolveModel.js";
import { deleteMany } from "./deleteMany.js";
import { generateRoute } from "./generateRecords.js";
import { recordActions } from "./recordActions.js";
import { updateMany } from "./updateMany.js";

/** CRUD over one model: `/api/records/{key}` and `/api/records/{key}/{id}`, where `{id}` is a record's `$id`. */
export function recordRoutes(options: ResolvedOptions): Hono {
  const app = new Hono();
  const key = (c: Context) => c.req.param("key") ?? "";
  const id = (c: Context) => c.req.param("id") ?? "";
  /** Checked before the body is read: who may not write hears 403, not what is wrong with their JSON. */
  const body = async (c: Context, action: "add" | "change") => {
    accessOf(c, options.schema).require(resolveModel(options.schema, key(c)), action);
    return readJsonBody(c, options.maxBodyBytes);
  };

  app.get("/:key", async (c) =>
    c.json(await recordActions(options, c).list(key(c), new URL(c.req.url).searchParams)),
  );

  app.post("/:key", async (c) => {
    const created = await recordActions(options, c).create(key(c), await body(c, "add"));
    return c.json({ data: created }, 201);
  });

  app.all("/:key", methodNotAllowed(["GET", "POST"]));

  // Registered before `/:key/:id` so that a POST here is a bulk delete or a generation; the id routes take no
  // POST anyway.
  app.post("/:key/delete-many", deleteMany(options));
  app.post("/:key/update-many", updateMany(options));
  app.post("/:key/generate", generateRoute(options));
  app.post("/:key/actions/:name", runActionRoute(options, options.actions));
  app.all("/:key/actions/:name", methodNotAllowed(["POST"]));

  app.get("/:key/:id", async (c) => {
    const row = await recordActions(options, c).get(key(c), id(c));
    if (!row) {
      const model = resolveModel(options.schema, key(c));
      throw new AtriumError("not_found", `No ${model.label} has the id '${id(c)}'; it may have been deleted`);
    }
    return c.json({ data: row });
  });

  app.patch("/:key/:id", async (c) => {
    const updated = await recordActions(options, c).update(key(c), id(c), await body(c, "change"));
    return c.json({ data: updated });
  });

  app.delete("/:key/:id", async (c) => {
    await recordActions(options, c).delete(key(c), id(c), c.req.query("version"));
    return c.body(null, 204);
  });

  app.all("/:key/:id", methodNotAllowed(["GET", "PATCH", "DELETE"]));

  app.get("/:key/:id/delete-preview", async (c) => {
    const target = resolveModel(options.schema, key(c));
    const access = accessOf(c, options.schema);
    access.require(target, "view");
    const preview = await options.dataSource.deletePreview(target, decodeRecordId(target, id(c)), {
      viewSchema: access.view.schema,
    });
    return c.json({ data: preview });
  });

  app.all("/:key/:id/delete-preview", methodNotAllowed(["GET"]));

  app.get("/:key/:id/inlines", async (c) => c.json({ data: await inlineAnswer(options, c, key(c), id(c)) }));
  app.all("/:key/:id/inlines", methodNotAllowed(["GET"]));

  return app;
}
