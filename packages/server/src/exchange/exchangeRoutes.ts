import { Hono } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { exportRoute } from "./exportRoute.js";
import { importRoute } from "./importRoute.js";

/** `GET /api/export/{key}` (exportRoute.ts) and `POST /api/import/{key}` (importRoute.ts). */
export function exchangeRoutes(options: ResolvedOptions): Hono {
  const app = new Hono();
  app.get("/export/:key", exportRoute(options));
  app.all("/export/:key", methodNotAllowed(["GET"]));
  app.post("/import/:key", importRoute(options));
  app.all("/import/:key", methodNotAllowed(["POST"]));
  return app;
}
