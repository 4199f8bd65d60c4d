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

// The server names the path it serves the admin under (mounted at /admin, for instance).
const basePath = document.querySelector<HTMLMetaElement>('meta[name="atrium-base-path"]')?.content || "/";

const container = document.getElementById("root");
if (!container) throw new Error('index.html must contain <div id="root"></div>');
createRoot(container).render(
  <StrictMode>
    <AdminApp registry={registry} basename={basePath} />
  </StrictMode>,
);
