import { defineRoutes } from "atrium/server";

/** GET /api/x/inventory/low-stock: the products with fewer than 5 in stock. */
export const inventory = defineRoutes("inventory", (routes) => {
  routes.get("/low-stock", async (c) => {
    const page = await c.var.atrium.records.list("product", { "filter.stock.lt": "5", sort: "name" });
    return c.json({ products: page.data.map((row) => ({ id: row.$id, name: row.name, stock: row.stock })) });
  });
});
