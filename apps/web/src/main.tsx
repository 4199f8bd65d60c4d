import { createRegistry } from "@atrium/client";
import { AdminApp } from "@atrium/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { SalesOverview, TrendIcon } from "./SalesOverview.js";

// Composition root: everything the admin knows beyond the schema is registered here.
const registry = createRegistry().registerPage({
  key: "sales-overview",
  title: "Sales overview",
  description: "A custom page living inside the admin shell.",
  icon: TrendIcon,
  component: SalesOverview,
});

const container = document.getElementById("root");
if (!container) throw new Error('index.html must contain <div id="root"></div>');
createRoot(container).render(
  <StrictMode>
    <AdminApp registry={registry} />
  </StrictMode>,
);
