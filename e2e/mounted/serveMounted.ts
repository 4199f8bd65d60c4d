/**
 * The mounting examples of docs/extending.md (docs/examples/server), served for the browser: the Hono app
 * (`mountAtrium`) and the node:http server (`toNodeListener`), each with the shop's own page at `/` and the demo
 * project's admin under /admin, over the database prepareMounted.ts makes. Stays up until Playwright stops it.
 */
import { serve } from "@hono/node-server";
import { openAdmin } from "../../docs/examples/server/atriumApp.js";
import { app } from "../../docs/examples/server/hono.js";
import { server } from "../../docs/examples/server/nodeHttp.js";
import { mountedPorts } from "./ports.js";
import { mountedDatabase, prepareMounted, repoRoot } from "./prepareMounted.js";

await prepareMounted();
process.chdir(repoRoot);
// The demo's config reads its database file from here.
process.env.ATRIUM_DEMO_DB = mountedDatabase;
// Opened before listening, so that a config or database problem stops the start instead of a first request.
await openAdmin("atrium.config.ts");

server.listen(mountedPorts.node, "127.0.0.1");
serve({ fetch: app.fetch, port: mountedPorts.hono, hostname: "127.0.0.1" });
console.log(
  `[mounted] the shop at http://127.0.0.1:${mountedPorts.node}/ (node:http) and http://127.0.0.1:${mountedPorts.hono}/ (Hono), the admin under /admin`,
);
