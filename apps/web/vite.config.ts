import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
// The API server of `npm run demo`; the dev server forwards API calls so the SPA runs on its own origin.
const apiTarget = process.env.ATRIUM_API_URL ?? "http://localhost:4000";

export default defineConfig({
  root,
  plugins: [react()],
  // Relative asset URLs: the server rewrites index.html's to absolute under wherever the admin is mounted
  // (`/` or `/admin`), and chunks preload their CSS relative to themselves instead of from the site's root.
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    // dist/.vite/manifest.json maps each route's chunk to its imports: scripts/measure-bundle.ts reads it.
    manifest: true,
    // The SPA's JS budget is tracked per route; one big warning line adds nothing.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      "/api": apiTarget,
      "/healthz": apiTarget,
    },
  },
});
