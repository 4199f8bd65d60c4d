import { createServer } from "node:http";
import { toNodeListener } from "atrium/server";
import { atriumApp } from "./atriumApp.js";

const admin = toNodeListener(atriumApp, { basePath: "/admin" });

export const server = createServer((req, res) => {
  if (req.url === "/admin" || req.url?.startsWith("/admin/")) return admin(req, res);
  res.end("the shop");
});

// Express: the same listener from a middleware registered without a path (Express would strip "/admin" from
// the URL) and before any body parser (the admin reads its own bodies):
// app.use((req, res, next) => (req.path === "/admin" || req.path.startsWith("/admin/") ? admin(req, res) : next()));
