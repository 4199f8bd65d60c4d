/**
 * `Json @default("{}")` and `@default("[]")` (names.prisma's Model3D) store an object and an array, never the
 * strings "{}" and "[]": left out of a create, sent by the API, or sent by the create form as it pre-fills them.
 * Each case reads the column back with raw SQL, not through the API. Shared by the SQLite, PostgreSQL and
 * MySQL/MariaDB suites.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toFormValues, toWriteBody } from "../../../packages/ui/src/form/formValues.js";
import { expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

/** The stored JSON of the Model3D columns, as the database's text of them, parsed. */
async function storedJson(api: TestApi, id: number): Promise<Record<string, unknown>> {
  const text = api.provider === "mysql" ? "CHAR" : "TEXT";
  const quote = (name: string) => (api.provider === "mysql" ? `\`${name}\`` : `"${name}"`);
  const columns = ["settings", "layers", "extra"]
    .map((name) => `CAST(${quote(name)} AS ${text}) AS ${quote(name)}`)
    .join(", ");
  const rows: Record<string, string | null>[] = await api.client.$queryRawUnsafe(
    `SELECT ${columns} FROM ${quote("Model3D")} WHERE ${quote("id")} = ${Number(id)}`,
  );
  const [row] = rows;
  if (!row) throw new Error(`no Model3D ${id}`);
  return Object.fromEntries(
    Object.entries(row).map(([name, value]) => [name, value === null ? null : JSON.parse(value)]),
  );
}

export function describeJsonDefaults(provider: TestProvider) {
  describe(`Json defaults (names.prisma, ${provider})`, () => {
    let api: TestApi;

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("names"), { provider });
    }, 180_000);
    afterAll(async () => {
      await api?.close();
    });

    it("stores the defaults as an object and an array when a create leaves them out", async () => {
      const created = await api.post("/api/records/model-3d", { fileName: "teapot.obj" });
      expectStatus(created, 201);
      expect(created.body.data).toMatchObject({ settings: {}, layers: [], extra: null });
      expect(await storedJson(api, created.body.data.id)).toEqual({ settings: {}, layers: [], extra: null });
    });

    it("stores the JSON the API sends", async () => {
      const body = { fileName: "cube.obj", settings: { scale: 2 }, layers: ["base", 1], extra: "text" };
      const created = await api.post("/api/records/model-3d", body);
      expectStatus(created, 201);
      expect(await storedJson(api, created.body.data.id)).toEqual({
        settings: { scale: 2 },
        layers: ["base", 1],
        extra: "text",
      });
    });

    it("stores what the create form sends as it pre-fills the defaults", async () => {
      const model = (await api.get("/api/meta")).body.models.find((item: Row) => item.key === "model-3d");
      const initial = toFormValues(model, "create");
      expect(initial).toMatchObject({ settings: "{}", layers: "[]", extra: "" });
      const body = toWriteBody(model, "create", { ...initial, fileName: "sphere.obj" }, initial);
      expect(body).toEqual({ fileName: "sphere.obj", settings: {}, layers: [] });
      const created = await api.post("/api/records/model-3d", body);
      expectStatus(created, 201);
      expect(await storedJson(api, created.body.data.id)).toEqual({ settings: {}, layers: [], extra: null });
    });

    it("logged no unexpected error", () => {
      expect(api.problems).toEqual([]);
    });
  });
}
