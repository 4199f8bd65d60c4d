import { createRegistry } from "@atrium/client";
import { AdminApp } from "@atrium/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ReviewStars } from "./ReviewStars.js";
import { SalesOverview, TrendIcon } from "./SalesOverview.js";
import { StockByWarehouse } from "./StockByWarehouse.js";

// Composition root: everything the admin knows beyond the schema is registered here.
const registry = createRegistry()
  .registerPage({
    key: "sales-overview",
    title: "Sales overview",
    description: "Orders to ship and records per model: a custom page inside the admin shell.",
    icon: TrendIcon,
    // Shown to whoever may view orders, besides roles granted page:sales-overview:view.
    permission: "model:order:view",
    component: SalesOverview,
  })
  .registerWidget({ kind: "cell", model: "Review", field: "stars", component: ReviewStars })
  .registerSlot({
    slot: "record.panel",
    model: "Book",
    title: "Stock by warehouse",
    component: StockByWarehouse,
  });

const container = document.getElementById("root");
if (!container) throw new Error('index.html must contain <div id="root"></div>');
createRoot(container).render(
  <StrictMode>
    <AdminApp registry={registry} />
  </StrictMode>,
);
