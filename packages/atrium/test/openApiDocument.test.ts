/**
 * `GET /api/openapi.json` over real schemas (the demo's and @atrium/prisma's test schemas: composite ids, models
 * identified by a unique instead of an @id, enums, BigInt, Decimal, Bytes, Json, scalar lists): each document is
 * valid OpenAPI 3.1 by a maintained validator, and describes the wire encoding the API really uses.
 */

import type { DataSource, SchemaMeta } from "@atrium/core";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { createAtriumApp } from "@atrium/server";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { demoSchemaPath, testSchemaPath } from "./schemaPaths.js";

/** The document needs no database: any call to it fails the test. */
function noDatabase(schema: SchemaMeta): DataSource {
  return new Proxy({ provider: schema.provider } as DataSource, {
    get: (target, name) =>
      name in target
        ? target[name as keyof DataSource]
        : () => {
            throw new Error(`the OpenAPI document called the data source (${String(name)})`);
          },
  });
}

// biome-ignore lint/suspicious/noExplicitAny: the document is read freely and asserted on.
async function documentOf(path: string): Promise<any> {
  const schema = await loadSchemaMetaFromFile(path);
  const app = createAtriumApp({ schema, dataSource: noDatabase(schema), logger: () => {} });
  const res = await app.request("/api/openapi.json");
  expect(res.status).toBe(200);
  return res.json();
}

async function expectValid(document: unknown) {
  // The validator resolves references in place: give it a copy so the assertions read the document as served.
  const result = await validate(structuredClone(document) as never);
  if (!result.valid) throw new Error(compileErrors(result));
  expect(result.specification).toBe("OpenAPI");
}

describe("the OpenAPI document", () => {
  it("of the demo is valid and has each model's record routes", async () => {
    const doc = await documentOf(demoSchemaPath);
    await expectValid(doc);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/records/book"].get.operationId).toBe("listBook");
    expect(doc.paths["/api/records/book"].post.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/BookCreate",
    });
    const listParameters = doc.paths["/api/records/book"].get.parameters.map((p: { name: string }) => p.name);
    expect(listParameters).toEqual(
      expect.arrayContaining([
        "page",
        "perPage",
        "cursor",
        "sort",
        "q",
        "filter.title.contains",
        "filter.author.in",
      ]),
    );
    // A composite @@id, and a model identified by a @@unique (no @id): both addressed by `$id`.
    expect(doc.paths["/api/records/order-item/{id}"].patch).toBeDefined();
    expect(doc.paths["/api/records/exchange-rate/{id}"].get).toBeDefined();
    expect(doc.components.schemas.Book.required).toEqual(
      expect.arrayContaining(["$id", "$label", "$version", "title"]),
    );
    expect(doc.components.schemas.Book.properties.author).toMatchObject({
      $ref: "#/components/schemas/RecordRef",
    });
    expect(doc.components.schemas.BookUpdate.properties.$version).toMatchObject({ type: "string" });
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain("validation_failed");
    expect(doc.paths["/api/records/book/{id}"].patch.responses["409"]).toEqual({
      $ref: "#/components/responses/Conflict",
    });
  });

  it("of composite keys is valid", async () => {
    const doc = await documentOf(testSchemaPath("keys"));
    await expectValid(doc);
    expect(doc.paths["/api/records/flight/{id}"].get.operationId).toBe("getFlight");
    expect(doc.paths["/api/records/product-category/{id}/delete-preview"].get).toBeDefined();
  });

  it("of every scalar type is valid and says how each is encoded", async () => {
    const doc = await documentOf(testSchemaPath("scalars"));
    await expectValid(doc);
    const sample = doc.components.schemas.Sample.properties;
    expect(sample.big).toMatchObject({ type: "string", pattern: "^-?[0-9]+$" });
    expect(sample.bigOpt.anyOf).toEqual([expect.objectContaining({ type: "string" }), { type: "null" }]);
    expect(sample.decimal).toMatchObject({ type: "string" });
    expect(sample.blob).toMatchObject({ type: "string", contentEncoding: "base64" });
    expect(sample.data).not.toHaveProperty("type");
    expect(JSON.stringify(sample)).toContain('"format":"date-time"');
    const create = doc.components.schemas.SampleCreate.properties;
    expect(create.big.anyOf).toContainEqual({ type: "integer" });
    expect(create.decimal.anyOf).toContainEqual({ type: "number" });
    expect(create).not.toHaveProperty("id");
    expect(doc.components.schemas.EnumMood).toEqual({
      type: "string",
      title: "Mood",
      enum: ["HAPPY", "SAD", "NEUTRAL"],
    });
  });

  it("of PostgreSQL's lists, days and uuids is valid", async () => {
    const doc = await documentOf(testSchemaPath("scalars.postgres"));
    await expectValid(doc);
    const text = JSON.stringify(doc.components.schemas);
    expect(text).toContain('"format":"date"');
    expect(text).toContain('"format":"uuid"');
    expect(text).toContain('"type":"array"');
  });
});
