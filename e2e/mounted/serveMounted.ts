/**
 * A shop's own server with Atrium mounted under /admin, written as docs/extending.md shows: the demo project's
 * admin made once with `createAtrium`, then served by two hosts: Node's `http` server through `toNodeListener`,
 * and a Hono app through `mountAtrium`. Each answers `/` with a page of its own. Stays up until Playwright
 * stops it.
 */
import { createServer } from "node:http";
import { serve } from "@hono/node-server";
import { createAtrium, loadConfig, mountAtrium, toNodeListener } from "atrium/server";
import { Hono } from "hono";
import { mountedPorts } from "./ports.js";
import { mountedDatabase, prepareMounted, repoRoot } from "./prepareMounted.js";

const shopPage = (host: string) =>
  `<!doctype html><html lang="en"><head><title>The shop</title></head><body><h1>The shop (${host})</h1></body></html>`;

await prepareMounted();
process.chdir(repoRoot);
// The demo's config reads its database file from here.
process.env.ATRIUM_DEMO_DB = mountedDatabase;
const config = await loadConfig("atrium.config.ts");
const atrium = await createAtrium({ ...config, webRoot: ".atrium/build/web" });

const admin = toNodeListener(atrium, { basePath: "/admin" });
const nodeServer = createServer((request, response) => {
  const path = new URL(request.url ?? "/", "http://host").pathname;
  if (path === "/admin" || path.startsWith("/admin/")) return void admin(request, response);
  response.writeHead(path === "/" ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
  response.end(path === "/" ? shopPage("node:http") : "Not the shop's page");
});
nodeServer.listen(mountedPorts.node, "127.0.0.1");

const app = new Hono();
app.get("/", (c) => c.html(shopPage("Hono")));
mountAtrium(app, "/admin", atrium);
serve({ fetch: app.fetch, port: mountedPorts.hono, hostname: "127.0.0.1" });

console.log(
  `[mounted] the shop at http://127.0.0.1:${mountedPorts.node}/ (node:http) and http://127.0.0.1:${mountedPorts.hono}/ (Hono), the admin under /admin`,
);
