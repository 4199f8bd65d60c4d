import { Hono } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { exportRoute } from "./exportRoute.js";

/** `GET /api/export/{key}` (exportRoute.ts). */
export function exchangeRoutes(options: ResolvedOptions): Hono {
  const app = new Hono();
  app.get("/export/:key", exportRoute(options));
  app.all("/export/:key", methodNotAllowed(["GET"]));
  return app;
}
