import { defineConfig } from "atrium";
import { inventory } from "./admin/routes.js";

export default defineConfig({
  schema: "prisma/schema.prisma",
  fields: { "Product.stock": "visible" },
  routes: [inventory],
  pages: [{ key: "restock", title: "Restock", icon: "PackagePlus", component: "./admin/RestockPage.tsx" }],
  widgets: [{ kind: "cell", model: "Product", field: "stock", component: "./admin/StockCell.tsx" }],
  slots: [
    { slot: "record.panel", model: "Product", title: "Supplier", component: "./admin/SupplierPanel.tsx" },
  ],
});
