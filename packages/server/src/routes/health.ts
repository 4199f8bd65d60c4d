import { Hono } from "hono";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";

/** `GET /healthz`: the process is up and routing. Deliberately does not touch the database (cheap to poll). */
export function healthRoutes(): Hono {
  const app = new Hono();
  app.get("/", (c) => c.json({ ok: true }));
  app.all("/", methodNotAllowed(["GET"]));
  return app;
}
