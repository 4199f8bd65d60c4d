import { describe, expect, it } from "vitest";
import { signedInApp } from "../testing/signedInApp.js";
import { testApp } from "../testing/testApp.js";

interface Document {
  paths: Record<string, Record<string, { operationId?: string }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  security?: unknown;
}

async function documentAs(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  cookie?: string,
) {
  const res = await app.request("/api/openapi.json", cookie ? { headers: { Cookie: cookie } } : {});
  expect(res.status).toBe(200);
  return (await res.json()) as Document;
}

const users = [
  { email: "root@x.test", isSuperuser: true },
  // Views books with `pages` hidden from their role; may change books but neither add nor delete them.
  { email: "reader@x.test", permissions: ["model:book:view", "model:book:change"] },
];
const fields = { models: { book: { pages: { hiddenFrom: ["role of reader@x.test"] } } } };

describe("GET /api/openapi.json", () => {
  it("describes every model and write operation to a superuser", async () => {
    const { app, signIn } = await signedInApp(users, undefined, { auth: { fields } });
    const doc = await documentAs(app, await signIn("root@x.test"));
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Author", "Book", "OrderLine", "BookCreate", "BookUpdate"]),
    );
    expect(doc.components.schemas.Book?.properties).toHaveProperty("pages");
    expect(Object.keys(doc.paths["/api/records/book"] ?? {})).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/records/book/{id}"] ?? {})).toEqual([
      "parameters",
      "get",
      "patch",
      "delete",
    ]);
    expect(doc.security).toEqual([{ session: [] }, { token: [] }]);
    expect(doc.paths["/api/records/book/update-many"]).toBeDefined();
    // Signing in is the one operation without a session.
    expect(doc.paths["/api/auth/login"]?.post).toMatchObject({ operationId: "signIn", security: [] });
  });

  it("leaves out the models, fields and writes the caller may not use", async () => {
    const { app, signIn } = await signedInApp(users, undefined, { auth: { fields } });
    const doc = await documentAs(app, await signIn("reader@x.test"));
    const schemas = Object.keys(doc.components.schemas);
    expect(schemas).toContain("Book");
    expect(schemas).not.toContain("Author");
    expect(schemas).not.toContain("OrderLine");
    expect(schemas).not.toContain("BookCreate");
    expect(doc.components.schemas.Book?.properties).not.toHaveProperty("pages");
    expect(doc.components.schemas.BookUpdate?.properties).not.toHaveProperty("pages");
    expect(Object.keys(doc.paths).filter((path) => path.includes("author"))).toEqual([]);
    expect(Object.keys(doc.paths["/api/records/book"] ?? {})).toEqual(["get"]);
    expect(Object.keys(doc.paths["/api/records/book/{id}"] ?? {})).toEqual(["parameters", "get", "patch"]);
    expect(doc.paths["/api/records/book/delete-many"]).toBeUndefined();
    expect(doc.paths["/api/records/book/update-many"]).toBeDefined();
    expect(doc.paths["/api/import/book"]).toBeDefined();
    expect(JSON.stringify(doc)).not.toContain("filter.pages.");
  });

  it("offers a write-only field in the bodies only, marked writeOnly", async () => {
    const writeOnly = { models: { author: { name: "writeOnly" as const } } };
    const { app, signIn } = await signedInApp(users, undefined, { auth: { fields: writeOnly } });
    const doc = await documentAs(app, await signIn("root@x.test"));
    const schemas = doc.components.schemas as Record<
      string,
      { properties?: Record<string, { writeOnly?: boolean }> }
    >;
    expect(schemas.Author?.properties).not.toHaveProperty("name");
    expect(schemas.AuthorCreate?.properties?.name?.writeOnly).toBe(true);
    expect(schemas.AuthorUpdate?.properties?.name?.writeOnly).toBe(true);
    expect(JSON.stringify(doc.paths["/api/records/author"])).not.toContain("filter.name.");
  });

  it("answers 401 without a session, like every other route", async () => {
    const { app } = await signedInApp(users);
    const res = await app.request("/api/openapi.json");
    expect(res.status).toBe(401);
  });

  it("describes everything, without a security scheme, in an app without sign-in", async () => {
    const { app } = testApp();
    const doc = await documentAs(app);
    expect(doc.paths["/api/records/order-line/{id}"]).toBeDefined();
    expect(doc.security).toBeUndefined();
    expect(doc.paths["/api/auth/login"]).toBeUndefined();
    expect(doc.paths["/api/records/author"]?.get?.operationId).toBe("listAuthor");
  });
});
