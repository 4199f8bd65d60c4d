import { mountAtrium } from "atrium/server";
import { Hono } from "hono";
import { atriumApp } from "./atriumApp.js";

export const app = new Hono();
app.get("/", (c) => c.text("the shop"));
mountAtrium(app, "/admin", atriumApp);
