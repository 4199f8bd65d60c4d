import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { fakeDataSource } from "../testing/fakeDataSource.js";
import { signedInApp, signIn, testPassword } from "../testing/signedInApp.js";
import { mountAtrium, toFetchHandler, toNodeListener } from "./mountAtrium.js";

const indexHtml =
  '<html><head><script type="module" src="./assets/index-1.js"></script></head><body></body></html>';

async function adminApp() {
  const built = await signedInApp([{ email: "root@example.com", isSuperuser: true }], fakeDataSource(), {
    indexHtml,
  });
  return built.app;
}

describe("mountAtrium (Hono)", () => {
  it("serves health, API, sign-in and the SPA under /admin, next to the parent's own routes", async () => {
    const parent = new Hono();
    parent.get("/", (c) => c.text("the shop"));
    mountAtrium(parent, "/admin", await adminApp());

    expect(await (await parent.request("/")).text()).toBe("the shop");
    expect(await (await parent.request("/admin/healthz")).json()).toEqual({ ok: true });
    expect((await parent.request("/admin/api/meta")).status).toBe(401);

    const login = await parent.request("http://localhost/admin/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://localhost" },
      body: JSON.stringify({ email: "root@example.com", password: testPassword }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get("Set-Cookie")).toContain("Path=/admin;");
    const cookie = await signIn(parent, "root@example.com", "/admin");
    const meta = await parent.request("/admin/api/meta", { headers: { Cookie: cookie } });
    expect(meta.status).toBe(200);
    expect((await meta.json()).models.length).toBeGreaterThan(0);

    const page = await parent.request("/admin/m/book/7", { headers: { Accept: "text/html" } });
    const html = await page.text();
    expect(html).toContain('src="/admin/assets/index-1.js"');
    expect(html).toContain('<meta name="atrium-base-path" content="/admin" />');
    expect((await parent.request("/administrators")).status).toBe(404);
  });

  it("refuses a base path that is not a URL path", async () => {
    expect(() => mountAtrium(new Hono(), "admin panel", { fetch: () => new Response() })).toThrow(
      /mountAtrium: the base path 'admin panel'/,
    );
  });
});

describe("toFetchHandler", () => {
  it("answers requests outside the base path with the JSON 404, and the root page without the meta", async () => {
    const handler = toFetchHandler(await adminApp(), { basePath: "/admin/" });
    const outside = await handler(new Request("http://localhost/shop/api/meta"));
    expect(outside.status).toBe(404);
    expect((await outside.json()).error.code).toBe("not_found");

    const root = toFetchHandler(await adminApp());
    const html = await (
      await root(new Request("http://localhost/", { headers: { Accept: "text/html" } }))
    ).text();
    expect(html).toContain('src="/assets/index-1.js"');
    expect(html).not.toContain("atrium-base-path");
  });
});

describe("toNodeListener", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it("serves the admin under /admin from a Node http server, sign-in and session cookie included", async () => {
    server = createServer(toNodeListener(await adminApp(), { basePath: "/admin" }));
    await new Promise<void>((listening) => server?.listen(0, "127.0.0.1", listening));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    expect(await (await fetch(`${origin}/admin/healthz`)).json()).toEqual({ ok: true });
    expect((await fetch(`${origin}/admin/api/meta`)).status).toBe(401);
    const login = await fetch(`${origin}/admin/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: origin },
      body: JSON.stringify({ email: "root@example.com", password: testPassword }),
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toContain("Path=/admin;");
    const meta = await fetch(`${origin}/admin/api/meta`, {
      headers: { Cookie: setCookie.split(";")[0] ?? "" },
    });
    expect(meta.status).toBe(200);
    expect((await fetch(`${origin}/elsewhere`)).status).toBe(404);
  });
});
