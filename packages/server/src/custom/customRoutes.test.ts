import { AtriumError, type WriteContext } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { fakeDataSource } from "../testing/fakeDataSource.js";
import { signedInApp } from "../testing/signedInApp.js";
import { jsonRequest, testApp } from "../testing/testApp.js";
import { defineRoutes } from "./defineRoutes.js";

const dune = { id: 1, title: "Dune", pages: 412, authorId: 7, author: { id: 7, name: "Frank Herbert" } };
const origin = { Origin: "http://localhost" };

const reports = defineRoutes("reports", (routes) => {
  routes.get("/summary", async (c) => {
    const books = await c.var.atrium.records.list("book", { perPage: "5" });
    return c.json({ for: c.var.atrium.user?.email, books: books.total, first: books.data[0]?.title });
  });
  routes.post("/books", async (c) => {
    const created = await c.var.atrium.records.create("book", await c.var.atrium.body());
    return c.json({ created: created.title }, 201);
  });
  routes.get("/refused", () => {
    throw new AtriumError("validation_failed", "year: Enter a year", { fields: { year: "Enter a year" } });
  });
  routes.get("/broken", () => {
    throw new Error("connect ECONNREFUSED 10.0.0.7:5432 password=hunter2");
  });
});

const users = [
  { email: "root@example.com", isSuperuser: true },
  { email: "nobody@example.com", permissions: ["model:book:view"] },
  { email: "reader@example.com", permissions: ["route:reports:get", "model:book:view"] },
  { email: "blind@example.com", permissions: ["route:reports:get"] },
  { email: "writer@example.com", permissions: ["route:reports:post", "model:book:add", "model:book:view"] },
];

const actors: WriteContext["actor"][] = [];
const books = () =>
  fakeDataSource({
    list: async () => ({ rows: [dune], total: 1, totalIsEstimate: false }),
    create: async (_model, _data, context?: WriteContext) => {
      actors.push(context?.actor ?? null);
      return { ...dune, id: 2, title: "Emma" };
    },
  });

describe("custom routes (defineRoutes)", () => {
  it("refuses a signed-out request with 401", async () => {
    const { app } = await signedInApp(users, books(), { routes: [reports] });
    const res = await app.request("/api/x/reports/summary");
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("refuses a user without route:reports:get with 403 naming the permission", async () => {
    const { app, signIn } = await signedInApp(users, books(), { routes: [reports] });
    const cookie = await signIn("nobody@example.com");
    const res = await app.request("/api/x/reports/summary", { headers: { Cookie: cookie } });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toContain("route:reports:get");
  });

  it("answers a user granted route:reports:get, and superusers, with the handler's data", async () => {
    const { app, signIn } = await signedInApp(users, books(), { routes: [reports] });
    for (const email of ["reader@example.com", "root@example.com"]) {
      const res = await app.request("/api/x/reports/summary", { headers: { Cookie: await signIn(email) } });
      expect(res.status, email).toBe(200);
      expect(await res.json()).toEqual({ for: email, books: 1, first: "Dune" });
    }
  });

  it("keeps the model permissions inside the route: records the user may not view are refused", async () => {
    const { app, signIn } = await signedInApp(users, books(), { routes: [reports] });
    const cookie = await signIn("blind@example.com");
    const res = await app.request("/api/x/reports/summary", { headers: { Cookie: cookie } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("model:book:view");
  });

  it("refuses a POST without the admin's Origin (CSRF) and accepts it with, recording the user as actor", async () => {
    const { app, signIn } = await signedInApp(users, books(), { routes: [reports] });
    const cookie = await signIn("writer@example.com");
    const body = { title: "Emma", authorId: 7 };
    const crossSite = await app.request(
      "/api/x/reports/books",
      jsonRequest("POST", body, { Cookie: cookie }),
    );
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.message).toContain("Cross-site");

    const res = await app.request(
      "http://localhost/api/x/reports/books",
      jsonRequest("POST", body, { Cookie: cookie, ...origin }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ created: "Emma" });
    expect(actors.at(-1)).toMatchObject({ email: "writer@example.com" });
  });

  it("turns what a handler throws into the API's error shape: known errors as they are, others a masked 500", async () => {
    const { app, signIn, logged } = await signedInApp(users, books(), { routes: [reports] });
    const cookie = await signIn("reader@example.com");
    const refused = await app.request("/api/x/reports/refused", { headers: { Cookie: cookie } });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      error: { code: "validation_failed", message: "year: Enter a year", fields: { year: "Enter a year" } },
    });

    const broken = await app.request("/api/x/reports/broken", { headers: { Cookie: cookie } });
    expect(broken.status).toBe(500);
    const text = await broken.text();
    expect(JSON.parse(text).error.code).toBe("internal");
    expect(text).not.toContain("hunter2");
    expect(logged[0]?.message).toContain("/api/x/reports/broken");
  });

  it("answers a method the path does not take with 405 and the methods it does", async () => {
    const { app } = testApp(books(), { routes: [reports] });
    const res = await app.request("/api/x/reports/summary", { method: "DELETE", headers: origin });
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe("GET");
    expect((await app.request("/api/x/nothing/here")).status).toBe(404);
  });

  it("lists the route permissions for the role form and refuses roles granting unknown ones", async () => {
    const { app, signIn } = await signedInApp(users, books(), { routes: [reports] });
    const cookie = await signIn("root@example.com");
    const res = await app.request("/api/admin/permissions", { headers: { Cookie: cookie } });
    expect(await res.json()).toEqual({
      routes: [{ name: "reports", permissions: ["route:reports:get", "route:reports:post"] }],
    });
    const create = (permissions: string[]) =>
      app.request(
        "http://localhost/api/admin/roles",
        jsonRequest("POST", { name: permissions.join(), permissions }, { Cookie: cookie, ...origin }),
      );
    expect((await create(["route:reports:get"])).status).toBe(201);
    const typo = await create(["route:reprots:get"]);
    expect(typo.status).toBe(422);
    expect((await typo.json()).error.fields["permissions.0"]).toContain("'reprots'");
    const method = await create(["route:reports:fetch"]);
    expect((await method.json()).error.fields["permissions.0"]).toContain("get, post, put, patch, delete");
  });
});

describe("defineRoutes", () => {
  it("refuses names that cannot be a URL and permission segment, paths without '/', and empty sets", () => {
    expect(() => defineRoutes("my reports", (r) => r.get("/", (c) => c.json({})))).toThrow(/letters, digits/);
    expect(() => defineRoutes("reports", (r) => r.get("summary", (c) => c.json({})))).toThrow(
      /must start with '\/'/,
    );
    expect(() => defineRoutes("reports", () => {})).toThrow(/no routes registered/);
  });

  it("refuses two route sets of one name when the app is built", () => {
    expect(() => testApp(fakeDataSource(), { routes: [reports, reports] })).toThrow(
      /two route sets are named/,
    );
  });
});
