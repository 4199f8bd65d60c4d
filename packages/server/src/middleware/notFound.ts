import type { NotFoundHandler } from "hono";

export const notFound: NotFoundHandler = (c) =>
  c.json({ error: { code: "not_found", message: `No route for ${c.req.method} ${c.req.path}` } }, 404);
