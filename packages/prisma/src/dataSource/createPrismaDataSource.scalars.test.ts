/** Every scalar type through create, read and filter, on SQLite (test/schemas/scalars.prisma). */
import type { ModelMeta } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

let db: TestDatabase;
let sample: ModelMeta;

beforeAll(async () => {
  db = await openTestDatabase("scalars");
  sample = db.model("Sample");
}, 120_000);

afterAll(async () => {
  await db?.close();
});

/** Prisma gives SQLite's Json and Bytes columns no default: a create must always set them. */
const required = { data: { a: 1 }, blob: new Uint8Array([104, 105]) };

function write(scalars: Record<string, unknown>) {
  return { scalars, connect: {}, setMany: {} };
}

describe("scalar round trips", () => {
  it("keeps BigInt beyond 2^53, Bytes, DateTime and enums exactly", async () => {
    const moment = new Date("2025-12-31T23:59:59.123Z");
    const row = await db.dataSource.create(
      sample,
      write({
        ...required,
        big: 9007199254740993n,
        blobOpt: new Uint8Array([0, 1, 254, 255]),
        momentOpt: moment,
        moodOpt: "SAD",
      }),
    );
    expect(row.big).toBe(9007199254740993n);
    expect(row.blobOpt).toEqual(new Uint8Array([0, 1, 254, 255]));
    expect(row.momentOpt).toEqual(moment);
    expect(row.moodOpt).toBe("SAD");
    const read = await db.dataSource.get(sample, { id: row.id });
    expect(read?.big).toBe(9007199254740993n);
    expect(read?.blobOpt).toBeInstanceOf(Uint8Array);
  });

  it("reads Decimal as a string of digits", async () => {
    // SQLite stores DECIMAL as a REAL (15 significant digits); the PostgreSQL suite checks 29 digits.
    const row = await db.dataSource.create(sample, write({ ...required, decimalOpt: "12345.6789" }));
    expect(row.decimalOpt).toBe("12345.6789");
    expect(row.decimal).toBe("12.5");
  });

  it("clears an optional Json field to NULL and stores JSON null in a required one", async () => {
    const row = await db.dataSource.create(
      sample,
      write({ ...required, dataOpt: { a: [1, null] }, data: null }),
    );
    expect(row.dataOpt).toEqual({ a: [1, null] });
    expect(row.data).toBeNull();
    const cleared = await db.dataSource.update(sample, { id: row.id }, write({ dataOpt: null }));
    expect(cleared.dataOpt).toBeNull();
    const empty = await db.dataSource.list(sample, {
      page: 1,
      perPage: 50,
      sort: [],
      filters: [
        { path: ["dataOpt"], op: "isNull", value: true },
        { path: ["id"], op: "eq", value: row.id },
      ],
    });
    expect(empty.rows).toHaveLength(1);
    const stored = await db.client.$queryRawUnsafe(
      `SELECT typeof("data") AS "data", typeof("dataOpt") AS "dataOpt" FROM "Sample" WHERE id = ${row.id}`,
    );
    // The required column holds the JSON text `null`, the optional one SQL NULL.
    expect(stored).toEqual([{ data: "text", dataOpt: "null" }]);
  });

  it("leaves nothing out but Unsupported fields", async () => {
    const row = await db.dataSource.create(sample, write(required));
    const readable = sample.fields.filter(
      (field) => field.kind !== "relation" && field.type !== "Unsupported",
    );
    expect(Object.keys(row).sort()).toEqual(readable.map((field) => field.name).sort());
  });
});
