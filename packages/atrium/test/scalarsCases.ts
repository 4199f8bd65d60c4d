/**
 * Every scalar type of scalars.prisma through the HTTP API: wire encoding both ways without precision loss,
 * optional nulls, literal defaults, wrong types (422 on the field) and the filter operators of each type.
 * scalars.test.ts runs them on SQLite, postgres.test.ts on PostgreSQL, mysql.test.ts on MySQL/MariaDB (same schema,
 * provider swapped).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

const bytes = Buffer.from([0, 1, 2, 127, 128, 254, 255]).toString("base64");

/** A value of every field; BigInt beyond 2^53 and the extremes of 64 bits. */
const full = {
  text: "Grüße, 世界",
  textOpt: "optional",
  integer: -2147483648,
  integerOpt: 2147483647,
  big: "9007199254740993",
  bigOpt: "-9223372036854775808",
  float: 0.1,
  floatOpt: -1.5e300,
  decimal: "1234567.125",
  decimalOpt: "-0.5",
  flag: false,
  flagOpt: true,
  moment: "1999-12-31T23:59:59.999Z",
  momentOpt: "2038-01-19T03:14:08.000Z",
  data: { nested: { list: [1, "two", null, true] }, number: 1.25 },
  dataOpt: ["a", { b: 2 }],
  blob: bytes,
  blobOpt: Buffer.from("hello").toString("base64"),
  mood: "SAD",
  moodOpt: "NEUTRAL",
};

const optionalNulls = {
  textOpt: null,
  integerOpt: null,
  bigOpt: null,
  floatOpt: null,
  decimalOpt: null,
  flagOpt: null,
  momentOpt: null,
  dataOpt: null,
  blobOpt: null,
  moodOpt: null,
};

export function describeScalars(provider: TestProvider) {
  describe(`scalars.prisma on ${provider}`, () => {
    let api: TestApi;
    const post = async (body: object) => {
      const res = await api.post("/api/records/sample", body);
      expectStatus(res, 201);
      return res.body.data as Row;
    };

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("scalars"), { provider });
    });
    afterAll(async () => {
      await api?.close();
    });

    it("round-trips a value of every scalar type exactly", async () => {
      const created = await post(full);
      expect(created).toMatchObject(full);
      const read = (await api.get(`/api/records/sample/${created.$id}`)).body.data;
      expect(read).toEqual(created);
      const stored = await api.client.sample.findUnique({ where: { id: created.id } });
      expect(stored.big).toBe(9007199254740993n);
      expect(stored.bigOpt).toBe(-9223372036854775808n);
      expect(Buffer.from(stored.blob).toString("base64")).toBe(bytes);
      expect(stored.moment.toISOString()).toBe(full.moment);
    });

    it("accepts safe JSON numbers for BigInt and Decimal and answers exact text", async () => {
      const created = await post({ data: 1, blob: bytes, big: 42, decimal: 2.5 });
      expect(created).toMatchObject({ big: "42", decimal: "2.5", data: 1 });
    });

    it("keeps optional fields null and fills literal defaults", async () => {
      const created = await post({ data: "just text", blob: "", ...optionalNulls });
      expect(created).toMatchObject({
        ...optionalNulls,
        text: "hello",
        integer: 42,
        big: "9007199254740993",
        float: 3.25,
        decimal: "12.5",
        flag: true,
        moment: "2024-01-02T03:04:05.000Z",
        mood: "HAPPY",
        data: "just text",
        blob: "",
      });
      const cleared = await api.patch(`/api/records/sample/${created.$id}`, { ...full, ...optionalNulls });
      expectStatus(cleared, 200);
      expect(cleared.body.data).toMatchObject(optionalNulls);
    });

    // SQLite stores decimals as doubles; PostgreSQL's NUMERIC and MySQL's DECIMAL(65,30) keep every digit.
    it.runIf(provider !== "sqlite")("keeps 20+ digit decimals exact where the column allows", async () => {
      const decimal = "123456789012345678901234.567890123456789";
      const created = await post({
        data: {},
        blob: bytes,
        decimal,
        decimalOpt: "-0.000000000000000000000001",
      });
      expect(created).toMatchObject({ decimal, decimalOpt: "-0.000000000000000000000001" });
      const filtered = await api.get(`/api/records/sample?filter.decimal.eq=${decimal}`);
      expect(filtered.body.data.map((row: Row) => row.$id)).toEqual([created.$id]);
    });

    it("refuses values of the wrong type with 422 naming the field", async () => {
      const cases: [string, unknown][] = [
        ["text", 1],
        ["integer", "1"],
        ["integer", 1.5],
        ["integer", 2147483648],
        // A JSON number past 2^53 has already lost digits; only text keeps them.
        ["big", 2 ** 53 + 2],
        ["big", "9223372036854775808"],
        ["big", "1e3"],
        ["float", "1.5"],
        ["decimal", "abc"],
        ["decimal", "1e400x"],
        ["flag", 1],
        ["flag", "true"],
        ["moment", "2024-13-01T00:00:00Z"],
        ["moment", "not a date"],
        ["blob", "***"],
        ["blob", [1, 2]],
        ["mood", "ANGRY"],
        ["mood", 1],
        ["data", undefined],
        ["blob", null],
      ];
      for (const [field, value] of cases) {
        const body = { data: {}, blob: bytes, [field]: value };
        if (value === undefined) delete (body as Record<string, unknown>)[field];
        expectApiError(await api.post("/api/records/sample", body), 422, "validation_failed", [field]);
      }
    });

    describe("filters per type", () => {
      let ids: string[] = [];
      beforeAll(async () => {
        await api.client.sample.deleteMany();
        const rows = [
          { ...full },
          {
            ...full,
            text: "Other",
            integer: 5,
            big: "5",
            float: 9.5,
            decimal: "99.99",
            flag: true,
            moment: "2030-01-01T00:00:00.000Z",
            mood: "HAPPY",
          },
          { data: "x", blob: bytes, ...optionalNulls },
        ];
        ids = [];
        for (const row of rows) ids.push((await post(row)).$id);
      });

      const expectIds = async (params: string, indexes: number[]) => {
        const res = await api.get(`/api/records/sample?sort=id&${params}`);
        expectStatus(res, 200);
        expect({ params, ids: res.body.data.map((row: Row) => row.$id) }).toEqual({
          params,
          ids: indexes.map((index) => ids[index]),
        });
      };

      it("compares numbers, dates, booleans, enums and text", async () => {
        await expectIds("filter.integer.lt=0", [0]);
        await expectIds("filter.integer.gte=5", [1, 2]);
        await expectIds("filter.integer.in=5,42", [1, 2]);
        await expectIds("filter.big.eq=9007199254740993", [0, 2]);
        await expectIds("filter.big.gt=9007199254740992", [0, 2]);
        await expectIds("filter.bigOpt.lte=-9223372036854775808", [0, 1]);
        await expectIds("filter.float.lte=0.1", [0]);
        await expectIds("filter.decimal.gt=12.5", [0, 1]);
        await expectIds("filter.decimal.lte=12.5", [2]);
        await expectIds("filter.flag.eq=true", [1, 2]);
        // Prisma's Boolean filter has no `in`: the data source spells it out.
        await expectIds("filter.flag.in=true", [1, 2]);
        await expectIds("filter.flag.in=false,true", [0, 1, 2]);
        await expectIds("filter.flagOpt.in=true,false", [0, 1]);
        await expectIds("filter.moment.gte=2030-01-01", [1]);
        await expectIds("filter.moment.lt=2000-01-01T00:00:00Z", [0]);
        await expectIds("filter.mood.in=SAD,NEUTRAL", [0]);
        await expectIds("filter.mood.neq=SAD", [1, 2]);
        await expectIds("filter.text.contains=OTH", [1]);
        await expectIds("filter.text.startsWith=hel", [2]);
        await expectIds("filter.textOpt.neq=optional", [2]);
        await expectIds("q=OTHER", [1]);
      });

      // SQLite's LIKE folds ASCII letters only: the data source also searches the case variants of "Ü" there.
      it("ignores the case of non-ASCII letters in filters and search", async () => {
        await expectIds(`filter.text.contains=${encodeURIComponent("GRÜ")}`, [0]);
        await expectIds(`q=${encodeURIComponent("GRÜSSE")}`, []);
        await expectIds(`q=${encodeURIComponent("GRÜ")}`, [0]);
      });

      it("tests every optional type for emptiness, Json and Bytes included", async () => {
        for (const field of Object.keys(optionalNulls)) {
          await expectIds(`filter.${field}.isNull=true`, [2]);
          await expectIds(`filter.${field}.isNull=false`, [0, 1]);
        }
      });

      it("refuses operators a type does not have, with 400 naming the parameter", async () => {
        for (const params of [
          "filter.integer.contains=1",
          "filter.flag.lt=true",
          "filter.mood.gt=SAD",
          "filter.data.eq=1",
          "filter.blob.eq=AA",
          "filter.text.isNull=true",
          "filter.big.eq=1.5",
          "filter.decimal.gt=x",
          "filter.moment.gte=soon",
        ]) {
          expectApiError(await api.get(`/api/records/sample?${params}`), 400, "bad_request", [
            params.split("=")[0] as string,
          ]);
        }
      });
    });

    it("logged no unexpected error", () => {
      expect(api.problems).toEqual([]);
    });
  });
}
