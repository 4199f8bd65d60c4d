/**
 * The routes around the models in the document: API tokens for everyone signed in (with the session alone),
 * users and roles for superusers only, and the project's own routes for those holding their permission.
 */
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { defineRoutes } from "../custom/defineRoutes.js";
import { signedInApp } from "../testing/signedInApp.js";

// biome-ignore lint/suspicious/noExplicitAny: the document is read freely and asserted on.
type Document = any;

const reports = defineRoutes("reports", (routes) => {
  routes.get("/summary", (c) => c.json({ ok: true }));
  routes.post("/books/:id{[0-9]+}/reprice", (c) => c.json({ ok: true }));
  routes.get("/files/*", (c) => c.json({ ok: true }));
});

const users = [
  { email: "root@x.test", isSuperuser: true },
  { email: "reader@x.test", permissions: ["model:book:view", "route:reports:get"] },
];

async function documentOf(email: string): Promise<Document> {
  const { app, signIn } = await signedInApp(users, undefined, { routes: [reports] });
  const res = await app.request("/api/openapi.json", { headers: { Cookie: await signIn(email) } });
  expect(res.status).toBe(200);
  const doc = await res.json();
  const result = await validate(structuredClone(doc));
  if (!result.valid) throw new Error(`${email}: ${compileErrors(result)}`);
  return doc;
}

describe("GET /api/openapi.json beyond the models", () => {
  it("describes API tokens to everyone signed in, callable with a session only", async () => {
    const doc = await documentOf("reader@x.test");
    expect(Object.keys(doc.paths["/api/tokens"])).toEqual(["get", "post"]);
    expect(doc.paths["/api/tokens"].post.security).toEqual([{ session: [] }]);
    expect(doc.paths["/api/tokens/{id}/revoke"].post.operationId).toBe("revokeApiToken");
    // Another user's tokens are a superuser's business: the reader's document does not offer them.
    expect(
      doc.paths["/api/tokens"].post.requestBody.content["application/json"].schema.properties,
    ).not.toHaveProperty("userId");
    expect(doc.components.schemas.ApiToken.required).toContain("expiresAt");
    expect(JSON.stringify(doc.components.schemas.ApiToken)).not.toContain("hash");
  });

  it("describes users and roles to superusers only", async () => {
    const root = await documentOf("root@x.test");
    expect(Object.keys(root.paths["/api/admin/users"])).toEqual(["get", "post"]);
    expect(Object.keys(root.paths["/api/admin/roles/{id}"])).toEqual([
      "parameters",
      "get",
      "patch",
      "delete",
    ]);
    expect(root.components.schemas.AdminUser.properties).not.toHaveProperty("password");
    expect(
      root.paths["/api/tokens"].post.requestBody.content["application/json"].schema.properties,
    ).toHaveProperty("userId");
    const reader = await documentOf("reader@x.test");
    expect(Object.keys(reader.paths).filter((path) => path.startsWith("/api/admin"))).toEqual([]);
    expect(reader.components.schemas).not.toHaveProperty("AdminUser");
    expect(reader.tags.map((tag: { name: string }) => tag.name)).not.toContain("Users and roles");
  });

  it("describes the project's routes the caller may call, with their path parameters", async () => {
    const root = await documentOf("root@x.test");
    expect(root.paths["/api/x/reports/summary"].get.tags).toEqual(["Project routes: reports"]);
    const reprice = root.paths["/api/x/reports/books/{id}/reprice"];
    expect(reprice.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^(?:[0-9]+)$" } },
    ]);
    expect(reprice.post.description).toContain("route:reports:post");
    // A wildcard path has no OpenAPI form.
    expect(Object.keys(root.paths).filter((path) => path.includes("files"))).toEqual([]);
    // The reader may only GET: the POST route is not theirs to see.
    const reader = await documentOf("reader@x.test");
    expect(Object.keys(reader.paths).filter((path) => path.startsWith("/api/x/"))).toEqual([
      "/api/x/reports/summary",
    ]);
  });
});
