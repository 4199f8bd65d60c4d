import { defineRoutes } from "atrium/server";

/** GET /api/x/board/motto: the dev server test edits the motto and expects the API to answer the new one. */
export const board = defineRoutes("board", (routes) => {
  routes.get("/motto", (c) => c.json({ motto: "Keep it short" }));
});
