/**
 * The server examples of docs/extending.md, run: the `reports` route set and the three ways of mounting the
 * admin under /admin (Hono, a Next.js route handler, node:http), over a real SQLite database made from the
 * demo's schema, through the project's own `atrium.config.ts` as `openAdmin` loads it.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { pushSchema } from "@atrium/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, openUserDatabase } from "../../packages/atrium/src/commands/createUser.js";
import * as nextRoute from "./app/admin/[[...path]]/route.js";
import { openAdmin } from "./server/atriumApp.js";
import { app as honoApp } from "./server/hono.js";
import { server as nodeServer } from "./server/nodeHttp.js";

const repoRoot = resolve(import.meta.dirname, "../..");
// Inside the repository, so that the config's `import ... from "atrium"` resolves as in a project.
const projectDir = join(repoRoot, ".data", `docs-examples-${process.pid}`);
const origin = "http://localhost";
const account = { email: "docs@example.com", password: "a-long-docs-password" };

beforeAll(async () => {
  await mkdir(projectDir, { recursive: true });
  const schemaPath = join(projectDir, "schema.prisma");
  await copyFile(join(repoRoot, "prisma/schema.prisma"), schemaPath);
  await writeFile(
    join(projectDir, "atrium.config.ts"),
    [
      'import { defineConfig } from "atrium";',
      'import { reports } from "../../docs/examples/admin/reports.js";',
      "",
      'export default defineConfig({ schema: "schema.prisma", databaseUrl: "file:./app.db", routes: [reports] });',
      "",
    ].join("\n"),
  );
  const url = `file:${join(projectDir, "app.db")}`;
  await pushSchema({ schemaText: await readFile(schemaPath, "utf8"), url });
  const users = await openUserDatabase(schemaPath, url);
  await createUser(users.store, { ...account, isSuperuser: true });
  await users.close();
  await openAdmin(join(projectDir, "atrium.config.ts"));
}, 180_000);

afterAll(async () => {
  await (await openAdmin()).close();
  await rm(projectDir, { recursive: true, force: true });
});

/** Signs in through the Hono app's /admin and returns a caller that sends the session cookie. */
async function signedIn() {
  const login = await honoApp.request("/admin/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify(account),
  });
  expect(login.status).toBe(200);
  const setCookie = login.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await honoApp.request(path, {
      method,
      headers: { cookie, origin, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: each answer has its own shape.
    return { status: response.status, body: (await response.json()) as any };
  };
  return { setCookie, call };
}

describe("the mounting examples", () => {
  it("Hono: the shop keeps /, the admin answers under /admin with a cookie scoped to it", async () => {
    expect(await (await honoApp.request("/")).text()).toBe("the shop");
    expect((await honoApp.request("/admin/healthz")).status).toBe(200);
    const { setCookie, call } = await signedIn();
    expect(setCookie).toContain("Path=/admin");
    const meta = await call("GET", "/admin/api/meta");
    expect(meta.status).toBe(200);
    expect(meta.body.models.map((model: { key: string }) => model.key)).toContain("order");
  });

  it("Next.js route handler: the admin under /admin, a JSON 404 outside it", async () => {
    expect((await nextRoute.GET(new Request(`${origin}/admin/healthz`))).status).toBe(200);
    const outside = await nextRoute.GET(new Request(`${origin}/shop/cart`));
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("node:http: the shop at /, the admin at /admin", async () => {
    await new Promise<void>((listening) => nodeServer.listen(0, "127.0.0.1", listening));
    try {
      const { port } = nodeServer.address() as AddressInfo;
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("the shop");
      expect((await fetch(`http://127.0.0.1:${port}/admin/healthz`)).status).toBe(200);
    } finally {
      await new Promise((closed) => nodeServer.close(closed));
    }
  });
});

describe("the reports routes", () => {
  it("list late orders, refuse a cancel without a reason beside the field, then cancel", async () => {
    const { call } = await signedIn();
    const customer = await call("POST", "/admin/api/records/customer", {
      email: "reader@example.com",
      firstName: "Ada",
      lastName: "Reader",
    });
    expect(customer.status).toBe(201);
    const order = await call("POST", "/admin/api/records/order", {
      number: "BK-DOCS-1",
      customer: customer.body.data.$id,
    });
    expect(order.status).toBe(201);

    const late = await call("GET", "/admin/api/x/reports/late-orders");
    expect(late.status).toBe(200);
    expect(late.body.count).toBe(1);
    expect(late.body.orders.map((row: { number: string }) => row.number)).toEqual(["BK-DOCS-1"]);

    const cancelPath = `/admin/api/x/reports/orders/${order.body.data.$id}/cancel`;
    const refused = await call("POST", cancelPath, { reason: " " });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual({ reason: "Say why" });

    const cancelled = await call("POST", cancelPath, { reason: "changed their mind" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe("CANCELLED");
    expect(cancelled.body.data.notes).toBe("Cancelled: changed their mind");
    expect((await call("GET", "/admin/api/x/reports/late-orders")).body.count).toBe(0);
  });
});
