import { describe, expect, it } from "vitest";
import { schemaFixture } from "../testing/schemaFixture.js";
import { testApp } from "../testing/testApp.js";

describe("GET /api/meta", () => {
  it("answers the schema metadata with models in schema order", async () => {
    const { app } = testApp();
    const res = await app.request("/api/meta");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const body = await res.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(schemaFixture())));
    expect(body.models.map((model: { key: string }) => model.key)).toEqual(["author", "book", "order-line"]);
    expect(body.enums).toEqual([]);
  });
});
