/**
 * The document describes what the API really sends and takes: rows read from a real database (every scalar type
 * over SQLite, and every model of the demo) validate against their `<Model>` schema, and a create body written in
 * the wire encoding validates against `<Model>Create` and is accepted by the API.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "./openTestApi.js";
import { openDemoApi, testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: the document and rows are JSON read back from the API.
type Json = any;

/** A validator of the document's component schemas (formats are annotations here, types and patterns are not). */
async function componentValidator(api: TestApi) {
  const doc: Json = (await api.get("/api/openapi.json")).body;
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: "atrium", components: doc.components });
  return (name: string, value: unknown): string[] => {
    const validate = ajv.getSchema(`atrium#/components/schemas/${name}`);
    if (!validate) throw new Error(`the document has no schema ${name}`);
    return validate(value)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
}

describe("rows and bodies match the OpenAPI document", () => {
  describe("every scalar type (scalars.prisma, SQLite)", () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("scalars"));
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    it("a create body in the wire encoding fits SampleCreate, and the row answered fits Sample", async () => {
      const check = await componentValidator(api);
      const body = {
        textOpt: "set",
        integerOpt: 7,
        big: "9223372036854775807",
        bigOpt: 12,
        decimal: "1234.5678",
        decimalOpt: 0.25,
        flagOpt: false,
        moment: "2024-05-01T13:45:00+02:00",
        momentOpt: null,
        data: { nested: [1, "two", null] },
        dataOpt: "just text",
        blob: "AAECAw==",
        blobOpt: null,
        mood: "SAD",
        moodOpt: "NEUTRAL",
      };
      expect(check("SampleCreate", body)).toEqual([]);
      const created = await api.post("/api/records/sample", body);
      expect(created.status).toBe(201);
      expect(check("Sample", created.body.data)).toEqual([]);
      const list = await api.get("/api/records/sample");
      for (const row of list.body.data) expect(check("Sample", row)).toEqual([]);
      // And the document refuses what the API refuses: a BigInt as a float, an enum value it does not have.
      expect(check("SampleCreate", { ...body, big: 1.5 })).not.toEqual([]);
      expect(check("SampleCreate", { ...body, mood: "ANGRY" })).not.toEqual([]);
      expect((await api.post("/api/records/sample", { ...body, mood: "ANGRY" })).status).toBe(422);
    });
  });

  describe("the demo", () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await openDemoApi();
    }, 180_000);
    afterAll(async () => {
      await api?.close();
    });

    it("the first page of every model fits the model's schema", async () => {
      const check = await componentValidator(api);
      for (const model of api.schema.models) {
        const page = await api.get(`/api/records/${model.key}?perPage=10`);
        expect(page.status).toBe(200);
        for (const row of page.body.data) {
          expect({ model: model.name, errors: check(model.name, row) }).toEqual({
            model: model.name,
            errors: [],
          });
        }
      }
    });
  });
});
