/**
 * names.prisma through the API: the names a user reads in the admin (no second plural, numbers and acronyms
 * whole) and a model of long text only (Comment: optional `content` and `body`) found by `q` and in pickers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

let api: TestApi;

beforeAll(async () => {
  api = await openTestApi(testSchemaPath("names"));
});
afterAll(async () => {
  await api?.close();
});

describe("names.prisma", () => {
  it("lists every model under the name people read", async () => {
    const models = (await api.get("/api/meta")).body.models.map((model: Row) => [
      model.key,
      model.labelPlural,
    ]);
    expect(models).toEqual([
      ["credentials", "Credentials"],
      ["model-3d", "Model 3Ds"],
      ["tags-on-models", "Tags on models"],
      ["api-key", "API keys"],
      ["comment", "Comments"],
    ]);
  });

  it("searches a model whose only text is optional content and body, in lists and pickers", async () => {
    for (const body of [{ content: "Lovely teapot" }, { body: "The TEAPOT leaks" }, { content: "A cube" }]) {
      expectStatus(await api.post("/api/records/comment", body), 201);
    }
    const found = await api.get("/api/records/comment?q=teapot&sort=id");
    expectStatus(found, 200);
    expect(found.body.data.map((row: Row) => row.content ?? row.body)).toEqual([
      "Lovely teapot",
      "The TEAPOT leaks",
    ]);
    const picked = await api.get("/api/lookup/comment?q=cube");
    expect(picked.body.data).toHaveLength(1);
  });

  it("logged no unexpected error", () => {
    expect(api.problems).toEqual([]);
  });
});
