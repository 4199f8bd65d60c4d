/**
 * `POST /api/records/{key}/update-many`, the save of a list's editable cells: every row saved with the form's
 * checks and its own audit entry, in one transaction, so one bad or stale row leaves all as they were; its
 * problem names its row. updateMany.test.ts runs these on SQLite; postgres.test.ts and mysql.test.ts on the servers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

export function describeUpdateMany(provider: TestProvider) {
  describe(`update-many on ${provider}`, () => {
    let api: TestApi;
    let rows: Row[];
    const stored = async (): Promise<Row[]> =>
      (await api.get("/api/records/sample?sort=integer&perPage=10")).body.data;
    const save = (body: unknown) => api.post("/api/records/sample/update-many", body);

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("scalars"), { provider });
    });
    afterAll(async () => {
      await api?.close();
    });
    beforeAll(async () => {
      for (const integer of [1, 2, 3]) {
        expectStatus(
          await api.post("/api/records/sample", { integer, text: `row ${integer}`, data: {}, blob: "" }),
          201,
        );
      }
      rows = await stored();
    });

    it("saves every row, each with its new $version and its own audit entry", async () => {
      const [first, second] = rows;
      const res = await save({
        rows: [
          { $id: first.$id, values: { text: "first, edited", $version: first.$version } },
          { $id: second.$id, values: { integer: 20, mood: "SAD" } },
        ],
      });
      expectStatus(res, 200);
      expect(res.body.data.map((row: Row) => [row.text, row.integer, row.mood])).toEqual([
        ["first, edited", 1, "HAPPY"],
        ["row 2", 20, "SAD"],
      ]);
      expect(res.body.data[0].$version).not.toBe(first.$version);
      const history = await api.get("/api/history?model=sample&action=update&limit=10");
      expect(history.body.data.map((entry: Row) => entry.recordId).sort()).toEqual(
        [first.$id, second.$id].sort(),
      );
      rows = await stored();
    });

    it("refuses a bad value with its row and field, and writes none of the rows", async () => {
      const before = await stored();
      const res = await save({
        rows: [
          { $id: before[0].$id, values: { text: "would be saved" } },
          { $id: before[1].$id, values: { integer: "twenty" } },
        ],
      });
      const error = expectApiError(res, 422, "validation_failed", ["rows.1.integer"]);
      expect(error.message).toMatch(/^Row 2: /);
      expect(await stored()).toEqual(before);
    });

    it("refuses a row changed since it was listed with 409, naming the row, and writes none", async () => {
      const before = await stored();
      expectStatus(
        await api.patch(`/api/records/sample/${before[2].$id}`, { text: "changed elsewhere" }),
        200,
      );
      const now = await stored();
      const res = await save({
        rows: [
          { $id: before[0].$id, values: { text: "would be saved", $version: before[0].$version } },
          { $id: before[2].$id, values: { text: "stale", $version: before[2].$version } },
        ],
      });
      const error = expectApiError(res, 409, "conflict");
      expect(error.details).toMatchObject({ row: 1, current: { text: "changed elsewhere" } });
      expect(await stored()).toEqual(now);
    });

    it("refuses what is not a list of rows, a row twice, and who may not change records", async () => {
      expectApiError(await save({}), 422, "validation_failed", ["rows"]);
      expectApiError(await save({ rows: [] }), 422, "validation_failed", ["rows"]);
      expectApiError(await save({ rows: [{ values: {} }] }), 422, "validation_failed", ["rows.0.$id"]);
      const twice = { $id: rows[0].$id, values: { text: "x" } };
      expectApiError(await save({ rows: [twice, twice] }), 422, "validation_failed", ["rows.1.$id"]);
      const viewer = await api.userSession(`viewer-${provider}@test.atrium`, {
        permissions: ["model:sample:view"],
      });
      expectApiError(
        await viewer.post("/api/records/sample/update-many", {
          rows: [{ $id: rows[0].$id, values: { text: "x" } }],
        }),
        403,
        "forbidden",
      );
    });
  });
}
