import { AtriumError, defineRoutes } from "atrium/server";

export const reports = defineRoutes("reports", (routes) => {
  // GET /api/x/reports/late-orders: needs route:reports:get (and model:order:view, through records)
  routes.get("/late-orders", async (c) => {
    const page = await c.var.atrium.records.list("order", {
      "filter.status.eq": "PENDING",
      sort: "placedAt",
      perPage: "50",
    });
    return c.json({ count: page.total, orders: page.data });
  });

  // POST /api/x/reports/orders/:id/cancel: needs route:reports:post (and model:order:change)
  routes.post("/orders/:id/cancel", async (c) => {
    const { reason } = (await c.var.atrium.body()) as { reason?: unknown };
    if (typeof reason !== "string" || reason.trim() === "") {
      throw new AtriumError("validation_failed", "reason: Say why", { fields: { reason: "Say why" } });
    }
    const order = await c.var.atrium.records.update("order", c.req.param("id"), {
      status: "CANCELLED",
      notes: `Cancelled: ${reason}`,
    });
    return c.json({ data: order });
  });
});
