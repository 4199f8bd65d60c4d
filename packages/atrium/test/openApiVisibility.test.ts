/**
 * `GET /api/openapi.json` as the leak probes' roles see it (leaksFixture.ts, over SQLite): each gets a valid
 * document that names only the models they may view, without the fields hidden from them (nor their filters),
 * and with write operations only where they hold the permission.
 */
import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeakRole, type LeakWorld, openLeakWorld } from "./leaksFixture.js";

// biome-ignore lint/suspicious/noExplicitAny: the document is read freely and asserted on.
type Document = any;

let world: LeakWorld;
beforeAll(async () => {
  world = await openLeakWorld("sqlite");
}, 180_000);
afterAll(async () => {
  await world?.close();
});

async function documentOf(role: LeakRole): Promise<Document> {
  const answer = await world.as[role].get("/api/openapi.json");
  expect(answer.status).toBe(200);
  const result = await validate(structuredClone(answer.body));
  if (!result.valid) throw new Error(`${role}: ${compileErrors(result)}`);
  return answer.body;
}

const pathsNaming = (doc: Document, key: string) =>
  Object.keys(doc.paths).filter((path) => path.split("/").includes(key));
const parameterNames = (doc: Document, path: string) =>
  (doc.paths[path].get.parameters ?? []).map((parameter: { name: string }) => parameter.name);

describe("the OpenAPI document of each role", () => {
  it("names only the models the role may view", async () => {
    const doc = await documentOf("seller");
    const schemas = Object.keys(doc.components.schemas);
    expect(schemas).toEqual(expect.arrayContaining(["Order", "Line", "Subscription", "Plan"]));
    for (const hidden of ["Customer", "Tag", "Depot", "Note", "Review"])
      expect(schemas).not.toContain(hidden);
    for (const key of ["customer", "tag", "depot", "note", "review"])
      expect(pathsNaming(doc, key)).toEqual([]);
    expect(doc.tags.map((tag: { name: string }) => tag.name)).not.toContain("Customers");
  });

  it("leaves out the fields hidden from the role, with their filters", async () => {
    const doc = await documentOf("clerk");
    const order = doc.components.schemas.Order.properties;
    expect(order).toHaveProperty("number");
    // The key is hidden from clerks, and the relation that shares its secret with it.
    expect(order).not.toHaveProperty("customerId");
    expect(order).not.toHaveProperty("customer");
    expect(doc.components.schemas.OrderUpdate.properties).not.toHaveProperty("customerId");
    expect(doc.components.schemas.Line.properties).not.toHaveProperty("depotSite");
    const filters = parameterNames(doc, "/api/records/order").filter((name: string) =>
      name.startsWith("filter."),
    );
    expect(filters).toContain("filter.number.contains");
    expect(filters.filter((name: string) => name.startsWith("filter.customer"))).toEqual([]);
  });

  it("offers no search where every search field is hidden", async () => {
    const doc = await documentOf("tagger");
    expect(doc.components.schemas.Tag.properties).not.toHaveProperty("name");
    expect(parameterNames(doc, "/api/records/tag")).not.toContain("q");
    expect(parameterNames(doc, "/api/lookup/tag")).not.toContain("q");
  });

  it("has only the writes the role may make", async () => {
    const doc = await documentOf("support");
    expect(Object.keys(doc.paths["/api/records/customer"])).toEqual(["get"]);
    expect(Object.keys(doc.paths["/api/records/customer/{id}"])).toEqual(["parameters", "get", "delete"]);
    expect(doc.paths["/api/records/customer/delete-many"].post.operationId).toBe("deleteManyCustomer");
    expect(doc.paths["/api/import/customer"]).toBeUndefined();
    expect(doc.paths["/api/records/customer/generate"]).toBeUndefined();
    expect(doc.components.schemas).not.toHaveProperty("CustomerCreate");
    expect(doc.components.schemas).not.toHaveProperty("CustomerUpdate");
    // Seen from another role, the same model offers every write.
    const seller = await documentOf("seller");
    expect(Object.keys(seller.paths["/api/records/order"])).toEqual(["get", "post"]);
  });
});
