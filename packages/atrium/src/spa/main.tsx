/**
 * The admin's browser entry: the default views plus what the project's config adds (pages, widgets, slots),
 * which `virtual:atrium/extensions` brings in (see extensionsModule.ts).
 */

import { registerExtensions } from "virtual:atrium/extensions";
import { createRegistry } from "@atrium/client";
import { AdminApp } from "@atrium/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

const registry = createRegistry();
registerExtensions(registry);

const container = document.getElementById("root");
if (!container) throw new Error('index.html must contain <div id="root"></div>');
createRoot(container).render(
  <StrictMode>
    {/* AdminApp reads the path the server mounted it under from index.html (atrium-base-path). */}
    <AdminApp registry={registry} />
  </StrictMode>,
);
