import { describe, expect, it } from "vitest";
import { AtriumError } from "./errors.js";
import { decodeListCursor, encodeListCursor } from "./listCursor.js";
import { parseListQuery } from "./parseListQuery.js";
import { book, schema } from "./testing/fixtures.js";

const sortOf = (text: string) => parseListQuery(schema, book, new URLSearchParams({ sort: text })).sort;

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof AtriumError && error.code === "bad_request") return error.message;
    throw error;
  }
  throw new Error("expected a 400");
}

describe("list cursors", () => {
  it("brings back dates, decimals and NULLs exactly as they were read", () => {
    const sort = sortOf("-publishedAt,price");
    const values = [new Date("2024-05-01T13:45:00.123Z"), "12.50", 7];
    const text = encodeListCursor(schema, book, sort, { direction: "prev", values });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(schema, book, sort, text)).toEqual({ direction: "prev", values });
    const nulls = encodeListCursor(schema, book, sort, { direction: "next", values: [null, "1.00", 3] });
    expect(decodeListCursor(schema, book, sort, nulls).values).toEqual([null, "1.00", 3]);
  });

  it("brings back a Float's NaN and infinities, which JSON cannot carry as numbers", () => {
    const sort = sortOf("-rating");
    for (const rating of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 4.5]) {
      const text = encodeListCursor(schema, book, sort, { direction: "next", values: [rating, 1] });
      expect(decodeListCursor(schema, book, sort, text).values).toEqual([rating, 1]);
    }
  });

  it("refuses a cursor of another sort, a damaged one and values that do not fit their fields", () => {
    const sort = sortOf("price");
    const text = encodeListCursor(schema, book, sort, { direction: "next", values: ["1.00", 1] });
    expect(refusal(() => decodeListCursor(schema, book, sortOf("-price"), text))).toMatch(
      /sorted by 'price,id', not '-price,id'/,
    );
    expect(refusal(() => decodeListCursor(schema, book, sort, text.slice(2)))).toMatch(/damaged/);
    expect(refusal(() => decodeListCursor(schema, book, sort, "%%%"))).toMatch(/damaged/);
    const body = { v: 1, s: "price,id", k: ["one", 1], d: "next" };
    const forged = Buffer.from(JSON.stringify(body)).toString("base64url");
    expect(refusal(() => decodeListCursor(schema, book, sort, forged))).toMatch(/damaged/);
    const nullId = Buffer.from(JSON.stringify({ ...body, k: ["1.00", null] })).toString("base64url");
    expect(refusal(() => decodeListCursor(schema, book, sort, nullId))).toMatch(/damaged/);
    const short = Buffer.from(JSON.stringify({ ...body, k: ["1.00"] })).toString("base64url");
    expect(refusal(() => decodeListCursor(schema, book, sort, short))).toMatch(/damaged/);
  });
});
