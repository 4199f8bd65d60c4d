import { createServer } from "node:http";
import { toNodeListener } from "atrium/server";
import { atriumApp } from "./atriumApp.js";

const admin = toNodeListener(atriumApp, { basePath: "/admin" });

export const server = createServer((req, res) => {
  if (req.url === "/admin" || req.url?.startsWith("/admin/")) return admin(req, res);
  res.end("the shop");
});
