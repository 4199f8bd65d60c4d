import { defineRoutes } from "atrium/server";

/**
 * The demo's own API: GET /api/x/sales/pending, the orders waiting to ship, for the Sales overview page.
 * Needs the permission route:sales:get (superusers have it) and model:order:view, as `records` reads as the
 * signed-in user.
 */
export const sales = defineRoutes("sales", (routes) => {
  routes.get("/pending", async (c) => {
    const page = await c.var.atrium.records.list("order", {
      "filter.status.eq": "PENDING",
      sort: "-placedAt",
      perPage: "5",
    });
    return c.json({ latest: page.data, total: page.total, totalIsEstimate: page.totalIsEstimate });
  });
});
