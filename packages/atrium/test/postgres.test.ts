/**
 * The core cases on PostgreSQL (local server, trust auth; each suite makes a database of its own and drops it):
 * keys.prisma, scalars.prisma, the history, concurrent-write and leak cases with the provider swapped,
 * scalars.postgres.prisma's lists and native types, nextauth.prisma's identities without @id and names.prisma's
 * Json defaults.
 * Skipped, with a visible message, when the server does not answer.
 */
import { databaseIsReachable } from "@atrium/prisma/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { describeConcurrentWrites } from "./concurrentWritesCases.js";
import { describeBatchHistory } from "./historyBatchCases.js";
import { describeHistory } from "./historyCases.js";
import { describeRevert } from "./historyRevertCases.js";
import { describeIdentity } from "./identityCases.js";
import { describeJsonDefaults } from "./jsonDefaultsCases.js";
import { describeKeys } from "./keysCases.js";
import { describeLeaks } from "./leaksCases.js";
import { openTestApi, type TestApi } from "./openTestApi.js";
import { describeScalars } from "./scalarsCases.js";
import { testSchemaPath } from "./schemaPaths.js";
import { describeUpdateMany } from "./updateManyCases.js";

const reachable = await databaseIsReachable("postgresql");
if (!reachable) console.warn("PostgreSQL is not reachable on 127.0.0.1:5432: its API tests are skipped");

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

describe.skipIf(!reachable)("on PostgreSQL", () => {
  describeKeys("postgresql");
  describeScalars("postgresql");
  describeHistory("postgresql");
  describeRevert("postgresql");
  describeBatchHistory("postgresql");
  describeConcurrentWrites("postgresql");
  describeLeaks("postgresql");
  describeIdentity("postgresql");
  describeJsonDefaults("postgresql");
  describeUpdateMany("postgresql");

  describe("scalars.postgres.prisma: lists and native types", () => {
    let api: TestApi;
    const post = async (body: object) => {
      const res = await api.post("/api/records/sample", body);
      expectStatus(res, 201);
      return res.body.data as Row;
    };

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("scalars.postgres"), { provider: "postgresql" });
    });
    afterAll(async () => {
      await api?.close();
    });

    it("round-trips lists, dates without time, bounded decimals, JsonB and defaults", async () => {
      const created = await post({
        text: "Long text",
        code: "ABC-123",
        birthday: "2024-02-29",
        tags: ["a", "b,c", ""],
        scores: [1, -2, 2147483647],
        moods: ["HAPPY", "SAD", "HAPPY"],
        amount: "12345678.99",
      });
      expect(created).toMatchObject({
        text: "Long text",
        code: "ABC-123",
        birthday: "2024-02-29",
        dayOpt: null,
        tags: ["a", "b,c", ""],
        scores: [1, -2, 2147483647],
        moods: ["HAPPY", "SAD", "HAPPY"],
        amount: "12345678.99",
        data: { a: 1 },
        blob: "aGVsbG8=",
      });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created).not.toHaveProperty("point");
      expect((await api.get(`/api/records/sample/${created.$id}`)).body.data).toEqual(created);
      const emptied = await api.patch(`/api/records/sample/${created.$id}`, {
        tags: [],
        moods: [],
        dayOpt: "2024-01-01",
      });
      expect(emptied.body.data).toMatchObject({ tags: [], moods: [], dayOpt: "2024-01-01" });
    });

    it("refuses values the native types cannot hold with 422 on the field", async () => {
      const base = { text: "t", code: "c", birthday: "2024-01-01" };
      const cases: [string, unknown][] = [
        ["code", "1234567890123"],
        ["amount", "123456789.00"],
        ["amount", "1.234"],
        ["birthday", "2024-01-01T12:00:00Z"],
        ["tags", "a"],
        ["scores", [1, "2"]],
        ["moods", ["HAPPY", "ANGRY"]],
        ["point", "(1,2)"],
        ["id", "not-a-uuid"],
      ];
      for (const [field, value] of cases) {
        expectApiError(
          await api.post("/api/records/sample", { ...base, [field]: value }),
          422,
          "validation_failed",
          [field],
        );
      }
    });

    // Text that is not a uuid would make PostgreSQL fail the query (P2007): ids and filters refuse it first.
    it("refuses an id that is not a uuid for a @db.Uuid key with 400", async () => {
      expectApiError(await api.get("/api/records/sample/not-a-uuid"), 400, "bad_request", ["$id"]);
      for (const params of ["filter.id.eq=not-a-uuid", "filter.id.in=not,uuids", "filter.id.contains=abc"]) {
        expectApiError(await api.get(`/api/records/sample?${params}`), 400, "bad_request", [
          params.split("=")[0] as string,
        ]);
      }
    });

    const ids = async (params: string) => {
      const res = await api.get(`/api/records/sample?sort=text&${params}&filter.text.in=one,TWO`);
      expectStatus(res, 200);
      return res.body.data.map((row: Row) => row.$id);
    };
    const made: Row[] = [];

    it("filters dates by day and searches case-insensitively", async () => {
      made.push(
        await post({ text: "one", code: "abc-one", birthday: "2000-01-01", tags: ["red"], scores: [1, 2] }),
      );
      made.push(
        await post({ text: "TWO", code: "ABC-TWO", birthday: "2010-06-15", tags: ["blue"], moods: ["SAD"] }),
      );
      expect(await ids("filter.birthday.gte=2005-01-01")).toEqual([made[1].$id]);
      expect(await ids("filter.birthday.lt=2005-01-01T00:00:00Z")).toEqual([made[0].$id]);
      expect(await ids("q=two")).toEqual([made[1].$id]);
      expect((await ids("filter.code.startsWith=abc-")).sort()).toEqual([made[0].$id, made[1].$id].sort());
      expectApiError(await api.get("/api/records/sample?filter.tags.contains=r"), 400, "bad_request", [
        "filter.tags.contains",
      ]);
    });

    // eq/neq/in on a list field compare its elements (Prisma's has / NOT has / hasSome), not the whole list.
    it("filters list fields by element", async () => {
      expect(await ids("filter.tags.eq=red")).toEqual([made[0].$id]);
      expect(await ids("filter.scores.in=2,3")).toEqual([made[0].$id]);
      expect(await ids("filter.moods.eq=SAD")).toEqual([made[1].$id]);
      expect(await ids("filter.moods.neq=SAD")).toEqual([made[0].$id]);
      expect(await ids("filter.tags.in=blue,green")).toEqual([made[1].$id]);
      expect(await ids(`filter.id.eq=${made[1].id}`)).toEqual([made[1].$id]);
    });

    it("logged no unexpected error", () => {
      expect(api.problems.map((problem) => (problem as { message: string }).message)).toEqual([]);
    });
  });
});
