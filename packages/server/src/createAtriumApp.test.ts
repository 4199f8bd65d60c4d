import { AtriumError } from "@atrium/core";
import type { MiddlewareHandler } from "hono";
import { describe, expect, it } from "vitest";
import { createAtriumApp } from "./createAtriumApp.js";
import { fakeDataSource } from "./testing/fakeDataSource.js";
import { schemaFixture } from "./testing/schemaFixture.js";
import { testApp } from "./testing/testApp.js";

describe("createAtriumApp", () => {
  it("answers the health check without touching the database", async () => {
    const { app } = testApp();
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("answers unknown API paths with the JSON 404 shape", async () => {
    const { app } = testApp();
    for (const path of [
      "/api/nope",
      "/api",
      "/api/records",
      "/api/records/book/1/extra/segment",
      "/elsewhere",
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Content-Type"), path).toContain("application/json");
      expect((await res.json()).error.code, path).toBe("not_found");
    }
  });

  it("answers a wrong method with 405, the allowed methods and the JSON error shape", async () => {
    const { app } = testApp();
    const cases: [string, string, string][] = [
      ["PUT", "/api/records/book", "GET, POST"],
      ["POST", "/api/records/book/1", "GET, PATCH, DELETE"],
      ["PUT", "/api/records/book/1", "GET, PATCH, DELETE"],
      ["DELETE", "/api/meta", "GET"],
      ["POST", "/api/lookup/book", "GET"],
      ["POST", "/api/counts", "GET"],
      ["POST", "/healthz", "GET"],
      ["DELETE", "/api/records/book/1/delete-preview", "GET"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await app.request(path, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("Allow")).toBe(allow);
      expect((await res.json()).error.code).toBe("method_not_allowed");
    }
  });

  it("masks unexpected errors as a generic 500 and logs them", async () => {
    const secret = new Error('PrismaClientKnownRequestError: relation "Book" at /srv/app/db.ts:12');
    const { app, logged } = testApp(
      fakeDataSource({
        count: async () => {
          throw secret;
        },
        deletePreview: async () => {
          throw secret;
        },
      }),
    );
    const res = await app.request("/api/records/book/1/delete-preview");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal", message: "Internal error; see the server log" },
    });
    expect(text).not.toContain("Prisma");
    expect(logged).toHaveLength(1);
    expect(logged[0]?.error).toBe(secret);
    expect(logged[0]?.message).toContain("GET /api/records/book/1/delete-preview");
  });

  it("masks an AtriumError('internal') too, since its message may describe the server", async () => {
    const { app, logged } = testApp(
      fakeDataSource({
        deletePreview: async () => {
          throw new AtriumError("internal", "pool exhausted at db-3.internal");
        },
      }),
    );
    const res = await app.request("/api/records/book/1/delete-preview");
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("db-3");
    expect(logged).toHaveLength(1);
  });

  it("passes an AtriumError from the data source through with its status and fields", async () => {
    const { app, logged } = testApp(
      fakeDataSource({
        delete: async () => {
          throw new AtriumError("delete_restricted", "Books still point at this author", {
            details: { blockers: 2 },
          });
        },
      }),
    );
    const res = await app.request("/api/records/author/1", { method: "DELETE" });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: {
        code: "delete_restricted",
        message: "Books still point at this author",
        details: { blockers: 2 },
      },
    });
    expect(logged).toHaveLength(0);
  });

  it("marks API responses as not cacheable", async () => {
    const { app } = testApp();
    expect((await app.request("/api/meta")).headers.get("Cache-Control")).toBe("no-store");
    expect((await app.request("/api/nope")).headers.get("Cache-Control")).toBe("no-store");
  });

  it("refuses limits that would reject every request", () => {
    const base = { schema: schemaFixture(), dataSource: fakeDataSource() };
    expect(() => createAtriumApp({ ...base, maxPerPage: 0 })).toThrow(/maxPerPage/);
    expect(() => createAtriumApp({ ...base, maxBodyBytes: 1.5 })).toThrow(/maxBodyBytes/);
    expect(() => createAtriumApp({ ...base, lookupLimit: Number.NaN })).toThrow(/lookupLimit/);
    expect(() => createAtriumApp({ ...base, maxBulkIds: -1 })).toThrow(/maxBulkIds/);
  });
});

describe("serving the SPA", () => {
  const files: Record<string, string> = { "/assets/app.js": "console.log('spa')" };
  const staticHandler: MiddlewareHandler = async (c, next) => {
    const file = files[c.req.path];
    if (file === undefined) return next();
    return c.body(file, 200, { "Content-Type": "text/javascript" });
  };
  const indexHtml = "<!doctype html><title>Atrium</title>";
  const { app } = testApp(fakeDataSource(), { staticHandler, indexHtml });
  const html = { headers: { Accept: "text/html,application/xhtml+xml" } };

  it("serves built files", async () => {
    const res = await app.request("/assets/app.js");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("console.log('spa')");
  });

  it("answers index.html to deep links and reloads so the SPA router can render them", async () => {
    for (const path of ["/", "/records/book", "/records/book/42/edit"]) {
      const res = await app.request(path, html);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe(indexHtml);
      expect(res.headers.get("Cache-Control")).toBe("no-cache");
    }
  });

  it("keeps JSON 404s for missing assets and for API paths, even from a browser", async () => {
    const asset = await app.request("/assets/missing.js");
    expect(asset.status).toBe(404);
    expect((await asset.json()).error.code).toBe("not_found");
    const api = await app.request("/api/nope", html);
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe("not_found");
  });

  it("still answers the API and the health check", async () => {
    expect((await app.request("/healthz", html)).status).toBe(200);
    expect((await app.request("/api/meta", html)).headers.get("Content-Type")).toContain("application/json");
  });
});
