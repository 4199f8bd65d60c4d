import { modelPermissions } from "@atrium/auth";
import { Hono } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import type { SchemaView } from "../auth/schemaView.js";
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
      // Only models the user may view, hidden fields removed, with what the user may do so the UI can mirror it.
      const models = access.view.schema.models
        .filter((model) => access.can(model.key, "view"))
        .map((model) =>
          access.principal
            ? { ...model, permissions: modelPermissions(access.principal, model.key) }
            : model,
        );
      body = JSON.stringify({ provider: options.schema.provider, models, enums: options.schema.enums });
      if (!access.principal) bodies.set(access.view, body);
    }
    c.header("Content-Type", "application/json; charset=UTF-8");
    return c.body(body);
  });
  app.all("/", methodNotAllowed(["GET"]));
  return app;
}
