import { Hono } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";

/** `GET /api/meta`: the schema metadata the SPA builds every view from, models in schema order. */
export function metaRoutes(options: ResolvedOptions): Hono {
  const app = new Hono();
  // The metadata is fixed for the life of the app, so the JSON is built once.
  const body = JSON.stringify({
    provider: options.schema.provider,
    models: options.schema.models,
    enums: options.schema.enums,
  });
  app.get("/", (c) => {
    c.header("Content-Type", "application/json; charset=UTF-8");
    return c.body(body);
  });
  app.all("/", methodNotAllowed(["GET"]));
  return app;
}
