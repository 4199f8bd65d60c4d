/**
 * Export and import through the HTTP API over a real database: every scalar type of scalars.prisma exported
 * as CSV, JSON and NDJSON and imported back exactly (BigInt beyond 2^53, Decimal, Bytes, DateTime, Json, null
 * and the empty text), a dry run that names each bad row and field, a commit refused whole (nothing written)
 * while any row is bad, updates matched by id and audited like the forms' writes. exchange.test.ts runs them on
 * SQLite, exchange.postgres.test.ts on PostgreSQL, exchange.mariadb.test.ts on MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

const samples = [
  {
    text: 'Grüße, "quoted",\nnext line',
    textOpt: "",
    integer: -2147483648,
    integerOpt: null,
    big: "9007199254740993",
    bigOpt: "-9223372036854775808",
    float: 0.1,
    floatOpt: -1.5e300,
    decimal: "1234567.125",
    decimalOpt: "-0.5",
    flag: false,
    flagOpt: null,
    moment: "1999-12-31T23:59:59.999Z",
    momentOpt: null,
    data: { nested: { list: [1, "two", null, true] }, text: "5" },
    dataOpt: "5",
    blob: Buffer.from([0, 1, 2, 127, 128, 254, 255]).toString("base64"),
    blobOpt: null,
    mood: "SAD",
    moodOpt: null,
  },
  {
    text: "=1+2",
    textOpt: null,
    integer: 7,
    integerOpt: 2147483647,
    big: "9223372036854775807",
    bigOpt: null,
    float: 3.25,
    floatOpt: null,
    decimal: "0.000001",
    decimalOpt: null,
    flag: true,
    flagOpt: true,
    moment: "2038-01-19T03:14:08.000Z",
    momentOpt: "2024-02-29T12:00:00.000Z",
    data: [],
    dataOpt: null,
    blob: "",
    blobOpt: Buffer.from("hello").toString("base64"),
    mood: "HAPPY",
    moodOpt: "NEUTRAL",
  },
];

/** A row as an export writes it, without what the database fills in. */
const content = (row: Row) => {
  const { $id, $label, $version, id, createdAt, updatedAt, ...rest } = row;
  return rest;
};

export function describeExchange(provider: TestProvider) {
  describe(`export and import on ${provider}`, () => {
    let api: TestApi;
    const exported = async (query: string) => {
      const res = await api.get(`/api/export/sample?${query}`);
      expectStatus(res, 200);
      return res.text;
    };
    const importFile = (query: string, body: string, headers: Record<string, string> = {}) =>
      api.send(`/api/import/sample?${query}`, { method: "POST", body, headers });
    const stored = async (): Promise<Row[]> =>
      (await api.get("/api/records/sample?sort=integer&perPage=100")).body.data;

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("scalars"), { provider });
    });
    afterAll(async () => {
      await api?.close();
    });

    it.each(["csv", "json", "ndjson"])("exports %s and imports it back exactly", async (format) => {
      await api.client.sample.deleteMany({});
      for (const sample of samples) expectStatus(await api.post("/api/records/sample", sample), 201);
      const before = (await stored()).map(content);
      const file = await exported(`format=${format}&sort=integer`);
      await api.client.sample.deleteMany({});

      const dry = await importFile(`format=${format}&dryRun=1`, file);
      expectStatus(dry, 200);
      expect(dry.body.errors).toEqual([]);
      // The ids of deleted records find nothing: each row creates one.
      expect(dry.body.rows).toEqual([
        { row: 1, action: "create" },
        { row: 2, action: "create" },
      ]);
      expect(dry.body.mapping).toContainEqual({ column: "big", field: "big" });
      expect(dry.body.mapping).toContainEqual({ column: "updatedAt", field: null });
      expect(await api.client.sample.count()).toBe(0);

      const commit = await importFile(`format=${format}`, file);
      expectStatus(commit, 200);
      expect(commit.body).toEqual({ dryRun: false, created: 2, updated: 0 });
      expect((await stored()).map(content)).toEqual(before);
      const big = await api.client.sample.findFirst({ where: { integer: 7 } });
      expect(big.big).toBe(9223372036854775807n);
    });

    it("names each bad row and field in the dry run, and refuses the commit until they are fixed", async () => {
      await api.client.sample.deleteMany({});
      const header = "text,integer,big,decimal,moment,data,blob,mood";
      const good = 'ok,1,12,1.5,2024-05-01T00:00:00Z,{},"",SAD';
      const bad = 'bad,one,12,1.5.5,yesterday,{},"",GRUMPY';
      const file = [header, good, bad, good.replace("1,12", "3,14")].join("\n");
      const dry = await importFile("format=csv&dryRun=1", file);
      expectStatus(dry, 200);
      expect(dry.body.summary).toEqual({ rows: 3, create: 3, update: 0, invalid: 1 });
      const fields = dry.body.errors.map((error: Row) => [error.row, error.field]);
      expect(fields).toEqual([
        [2, "integer"],
        [2, "decimal"],
        [2, "moment"],
        [2, "mood"],
      ]);
      expect(dry.body.errors[0].message).toMatch(/whole number/);

      const refused = await importFile("format=csv", file);
      const error = expectApiError(refused, 422, "validation_failed");
      expect(error.message).toMatch(/row 2 \(integer\)/);
      expect((error.details as Row).errorCount).toBe(4);
      expect(await api.client.sample.count()).toBe(0);

      const fixed = file.replace(bad, 'fixed,2,12,1.55,2024-05-02T00:00:00Z,{},"",HAPPY');
      expect((await importFile("format=csv", fixed)).body).toMatchObject({ created: 3 });
    });

    it("updates the records the id column names, audited as the forms' updates", async () => {
      await api.client.sample.deleteMany({});
      for (const sample of samples) expectStatus(await api.post("/api/records/sample", sample), 201);
      const rows = await stored();
      const file = [
        "id,integer,textOpt,data,blob",
        `${rows[0].id},-2147483648,"changed",{},AAE=`,
        `${rows[1].id},8,,[1],AAE=`,
        ',9,new,{},""',
      ].join("\r\n");
      const dry = await importFile("format=csv&dryRun=1", file);
      expect(dry.body.rows).toEqual([
        { row: 1, action: "update", id: String(rows[0].id) },
        { row: 2, action: "update", id: String(rows[1].id) },
        { row: 3, action: "create" },
      ]);
      expect(dry.body.match).toBe("$id");
      const commit = await importFile("format=csv", file);
      expect(commit.body).toEqual({ dryRun: false, created: 1, updated: 2 });
      const after = await stored();
      expect(after.map((row: Row) => [row.integer, row.textOpt])).toEqual([
        [-2147483648, "changed"],
        [8, null],
        [9, "new"],
      ]);
      // Columns the file does not have keep their values.
      expect(after[1].big).toBe(samples[1]?.big);
      const entries = await api.history.listAudit({
        model: "sample",
        action: "update",
        recordId: String(rows[1].id),
      });
      expect(entries[0]?.changes).toMatchObject({ integer: { old: 7, new: 8 }, data: { old: [], new: [1] } });
      // An unchanged value is no change.
      expect(entries[0]?.changes).not.toHaveProperty("textOpt");
    });

    it("writes nothing of a big file whose last row is bad", async () => {
      await api.client.sample.deleteMany({});
      const lines = ["text,integer,data,blob"];
      for (let index = 0; index < 600; index++) lines.push(`row ${index},${index},{},""`);
      lines.push('last,2147483648,{},""');
      const refused = await importFile("format=csv", lines.join("\n"));
      expectApiError(refused, 422, "validation_failed");
      expect(await api.client.sample.count()).toBe(0);
    });
  });
}
