import { describe, expect, it } from "vitest";
import { AtriumError } from "./errors.js";
import { findField } from "./metadata.js";
import { book, scalar } from "./testing/fixtures.js";
import { decodeFilterValue, decodeWireValue, encodeWireValue } from "./wireCodec.js";

function field(name: string) {
  const found = findField(book, name);
  if (!found) throw new Error(`fixture Book has no field ${name}`);
  return found;
}

/** The field message of the AtriumError that `work` throws. */
function problem(work: () => unknown): { code: string; status: number; fields: unknown } {
  try {
    work();
  } catch (error) {
    if (!(error instanceof AtriumError)) throw error;
    return { code: error.code, status: error.status, fields: error.fields };
  }
  throw new Error("expected an AtriumError");
}

/** Mimics Prisma's Decimal (decimal.js): toString switches to exponent notation, toFixed() never does. */
function prismaLikeDecimal(plain: string, exponential: string) {
  return { toString: () => exponential, toFixed: () => plain };
}

describe("decodeWireValue", () => {
  it("accepts whole numbers within 32 bits for Int and names the field otherwise", () => {
    expect(decodeWireValue(field("pages"), 320)).toBe(320);
    expect(decodeWireValue(field("pages"), -2147483648)).toBe(-2147483648);
    for (const bad of [1.5, 2147483648, "12", true]) {
      expect(problem(() => decodeWireValue(field("pages"), bad))).toEqual({
        code: "validation_failed",
        status: 422,
        fields: { pages: "Expected a whole number between -2147483648 and 2147483647" },
      });
    }
  });

  it("keeps every digit of BigInt, from text or from safe JSON numbers", () => {
    expect(decodeWireValue(field("stock"), "9223372036854775807")).toBe(9223372036854775807n);
    expect(decodeWireValue(field("stock"), 42)).toBe(42n);
    expect(problem(() => decodeWireValue(field("stock"), 2 ** 60)).fields).toEqual({
      stock: expect.stringContaining("Expected a whole number"),
    });
    expect(problem(() => decodeWireValue(field("stock"), "9223372036854775808")).code).toBe(
      "validation_failed",
    );
    expect(problem(() => decodeWireValue(field("stock"), "1.0")).code).toBe("validation_failed");
  });

  it("keeps Decimal as normalized text without going through a float", () => {
    expect(decodeWireValue(field("price"), "12.50")).toBe("12.50");
    expect(decodeWireValue(field("price"), "0012.50")).toBe("12.50");
    expect(decodeWireValue(field("price"), "-0.00")).toBe("0.00");
    expect(decodeWireValue(field("price"), 19.99)).toBe("19.99");
    expect(problem(() => decodeWireValue(field("price"), "1e3")).fields).toEqual({
      price: "Expected a decimal number such as 12.50",
    });
    expect(problem(() => decodeWireValue(field("price"), "abc")).code).toBe("validation_failed");
  });

  it("enforces @db.Decimal(10, 2) precision and scale instead of letting the database round", () => {
    expect(decodeWireValue(field("price"), "99999999.99")).toBe("99999999.99");
    expect(problem(() => decodeWireValue(field("price"), "1.999")).fields).toEqual({
      price: "At most 2 decimal places",
    });
    expect(problem(() => decodeWireValue(field("price"), "123456789")).fields).toEqual({
      price: "At most 8 digits before the decimal point",
    });
  });

  it("expands exponent notation of big and tiny JSON numbers for Decimal columns without a size", () => {
    const unsized = { ...field("price"), nativeType: undefined };
    expect(decodeWireValue(unsized, 1e21)).toBe("1000000000000000000000");
    expect(decodeWireValue(unsized, 1.5e-7)).toBe("0.00000015");
  });

  it("accepts only finite numbers for Float and only booleans for Boolean", () => {
    expect(decodeWireValue(field("rating"), 4.5)).toBe(4.5);
    expect(problem(() => decodeWireValue(field("rating"), "4.5")).fields).toEqual({
      rating: "Expected a number",
    });
    expect(decodeWireValue(field("inPrint"), false)).toBe(false);
    expect(problem(() => decodeWireValue(field("inPrint"), "true")).fields).toEqual({
      inPrint: "Expected true or false",
    });
    expect(problem(() => decodeWireValue(field("inPrint"), 1)).code).toBe("validation_failed");
  });

  it("does not coerce numbers to String and checks VarChar length in characters", () => {
    expect(problem(() => decodeWireValue(field("title"), 12)).fields).toEqual({ title: "Expected text" });
    expect(decodeWireValue(field("title"), "😀".repeat(20))).toBe("😀".repeat(20));
    expect(problem(() => decodeWireValue(field("title"), "x".repeat(21))).fields).toEqual({
      title: "At most 20 characters",
    });
  });

  it("accepts only uuids for @db.Uuid text, in single values and lists", () => {
    const uuid = "123E4567-e89b-12d3-a456-426614174000";
    const key = scalar("key", "String", { nativeType: ["Uuid", []] });
    expect(decodeWireValue(key, uuid)).toBe(uuid);
    expect(problem(() => decodeWireValue(key, "not-a-uuid"))).toEqual({
      code: "validation_failed",
      status: 422,
      fields: { key: "Expected a uuid such as 123e4567-e89b-12d3-a456-426614174000" },
    });
    expect(problem(() => decodeWireValue(key, `${uuid}0`)).status).toBe(422);
    const keys = scalar("keys", "String", { nativeType: ["Uuid", []], isList: true });
    expect(problem(() => decodeWireValue(keys, [uuid, "x"])).fields).toEqual({
      keys: "Item 2: Expected a uuid such as 123e4567-e89b-12d3-a456-426614174000",
    });
    // Plain String ids with @default(uuid()) are text columns: any text fits.
    expect(decodeWireValue(scalar("plain", "String"), "not-a-uuid")).toBe("not-a-uuid");
  });

  it("reads DateTime as ISO 8601 with an offset and refuses impossible or zone-less times", () => {
    const date = decodeWireValue(field("publishedAt"), "2024-05-01T15:45:00+02:00");
    expect(date).toEqual(new Date("2024-05-01T13:45:00.000Z"));
    expect(decodeWireValue(field("publishedAt"), "2024-02-29T00:00:00.123456Z")).toEqual(
      new Date("2024-02-29T00:00:00.123Z"),
    );
    for (const bad of [
      "2023-02-29T00:00:00Z",
      "2024-05-01T13:45:00",
      "2024-05-01",
      "yesterday",
      1714571100000,
    ]) {
      expect(problem(() => decodeWireValue(field("publishedAt"), bad)).fields).toEqual({
        publishedAt: "Expected a date and time such as 2024-05-01T13:45:00Z",
      });
    }
  });

  it("reads @db.Date as YYYY-MM-DD and refuses a timestamp that is not a whole day", () => {
    expect(decodeWireValue(field("releaseDate"), "2024-05-01")).toEqual(new Date("2024-05-01T00:00:00Z"));
    expect(decodeWireValue(field("releaseDate"), "2024-05-01T00:00:00Z")).toEqual(
      new Date("2024-05-01T00:00:00Z"),
    );
    expect(problem(() => decodeWireValue(field("releaseDate"), "2024-05-01T10:00:00Z")).fields).toEqual({
      releaseDate: "Expected a date such as 2024-05-01",
    });
    expect(problem(() => decodeWireValue(field("releaseDate"), "2024-13-01")).code).toBe("validation_failed");
  });

  it("reads Bytes from standard or URL-safe base64 into a Uint8Array", () => {
    expect(decodeWireValue(field("cover"), "AP8Q")).toEqual(new Uint8Array([0, 255, 16]));
    expect(decodeWireValue(field("cover"), "-_8")).toEqual(new Uint8Array([251, 255]));
    expect(decodeWireValue(field("cover"), "")).toEqual(new Uint8Array([]));
    expect(problem(() => decodeWireValue(field("cover"), "not base64!")).fields).toEqual({
      cover: "Expected base64 text",
    });
  });

  it("passes any JSON value through for Json and keeps null as null for every type", () => {
    const value = { a: [1, "two", null], b: { c: true } };
    expect(decodeWireValue(field("extra"), value)).toBe(value);
    expect(decodeWireValue(field("extra"), "text")).toBe("text");
    expect(decodeWireValue(field("pages"), null)).toBeNull();
  });

  it("accepts only declared enum values", () => {
    expect(decodeWireValue(field("format"), "EBOOK")).toBe("EBOOK");
    expect(problem(() => decodeWireValue(field("format"), "ebook")).fields).toEqual({
      format: "Expected one of: HARDCOVER, PAPERBACK, EBOOK",
    });
  });

  it("decodes lists element by element and says which item is wrong", () => {
    expect(decodeWireValue(field("chapterPages"), [10, 20])).toEqual([10, 20]);
    expect(problem(() => decodeWireValue(field("chapterPages"), [10, "x"])).fields).toEqual({
      chapterPages: "Item 2: Expected a whole number between -2147483648 and 2147483647",
    });
    expect(problem(() => decodeWireValue(field("keywords"), "a,b")).fields).toEqual({
      keywords: "Expected a list",
    });
  });

  it("refuses to write Unsupported columns", () => {
    expect(problem(() => decodeWireValue(field("search"), "x")).code).toBe("validation_failed");
  });
});

describe("encodeWireValue", () => {
  it("sends Prisma's Decimal in plain notation whatever its size", () => {
    expect(encodeWireValue(field("price"), prismaLikeDecimal("10000000000000000000000000", "1e+25"))).toBe(
      "10000000000000000000000000",
    );
    expect(encodeWireValue(field("price"), prismaLikeDecimal("0.00000001", "1e-8"))).toBe("0.00000001");
    expect(encodeWireValue(field("price"), "12.50")).toBe("12.50");
  });

  it("sends bigint as text, dates as ISO or YYYY-MM-DD, and bytes as base64", () => {
    expect(encodeWireValue(field("stock"), 9007199254740993n)).toBe("9007199254740993");
    expect(encodeWireValue(field("publishedAt"), new Date("2024-05-01T13:45:00Z"))).toBe(
      "2024-05-01T13:45:00.000Z",
    );
    expect(encodeWireValue(field("releaseDate"), new Date("2024-05-01T00:00:00Z"))).toBe("2024-05-01");
    expect(encodeWireValue(field("cover"), new Uint8Array([0, 255, 16]))).toBe("AP8Q");
    expect(encodeWireValue(field("cover"), Buffer.from("hi"))).toBe("aGk=");
  });

  it("round-trips every type through decode", () => {
    const samples: Record<string, unknown> = {
      title: "Dune",
      pages: 412,
      rating: 4.25,
      price: "12.50",
      stock: "9223372036854775807",
      inPrint: true,
      publishedAt: "2024-05-01T13:45:00.000Z",
      releaseDate: "2024-05-01",
      cover: "AP8Q",
      extra: { nested: [1, 2] },
      format: "PAPERBACK",
      keywords: ["a", "b,c"],
    };
    for (const [name, wire] of Object.entries(samples)) {
      expect(encodeWireValue(field(name), decodeWireValue(field(name), wire)), name).toEqual(wire);
    }
  });

  it("sends null for null and names NaN and Infinity instead of losing them", () => {
    expect(encodeWireValue(field("publishedAt"), null)).toBeNull();
    expect(encodeWireValue(field("rating"), Number.POSITIVE_INFINITY)).toBe("Infinity");
  });
});

describe("decodeFilterValue", () => {
  it("parses numbers, booleans and dates from query-string text", () => {
    expect(decodeFilterValue(field("pages"), "gte", "100")).toBe(100);
    expect(decodeFilterValue(field("rating"), "lt", "4.5")).toBe(4.5);
    expect(decodeFilterValue(field("stock"), "gt", "9007199254740993")).toBe(9007199254740993n);
    expect(decodeFilterValue(field("price"), "lte", "9.999")).toBe("9.999");
    expect(decodeFilterValue(field("inPrint"), "eq", "false")).toBe(false);
    expect(decodeFilterValue(field("publishedAt"), "gte", "2024-05-01")).toEqual(
      new Date("2024-05-01T00:00:00Z"),
    );
    expect(decodeFilterValue(field("publishedAt"), "lt", "2024-05-01T12:00:00Z")).toEqual(
      new Date("2024-05-01T12:00:00Z"),
    );
  });

  it("splits `in` on commas and trims each item", () => {
    expect(decodeFilterValue(field("format"), "in", "EBOOK, PAPERBACK")).toEqual(["EBOOK", "PAPERBACK"]);
    expect(decodeFilterValue(field("pages"), "in", "1,2,3")).toEqual([1, 2, 3]);
    expect(problem(() => decodeFilterValue(field("pages"), "in", "")).fields).toEqual({
      pages: "Expected at least one value",
    });
  });

  it("reads isNull as true or false only", () => {
    expect(decodeFilterValue(field("isbn"), "isNull", "true")).toBe(true);
    expect(decodeFilterValue(field("isbn"), "isNull", "false")).toBe(false);
    expect(problem(() => decodeFilterValue(field("isbn"), "isNull", "yes")).status).toBe(400);
  });

  it("keeps String text as typed and refuses bad values with a 400", () => {
    expect(decodeFilterValue(field("title"), "contains", " the ")).toBe(" the ");
    expect(problem(() => decodeFilterValue(field("title"), "contains", "")).fields).toEqual({
      title: "Expected some text",
    });
    expect(problem(() => decodeFilterValue(field("pages"), "eq", "12abc"))).toEqual({
      code: "bad_request",
      status: 400,
      fields: { pages: "Expected a whole number between -2147483648 and 2147483647" },
    });
    expect(problem(() => decodeFilterValue(field("rating"), "eq", "0x10")).code).toBe("bad_request");
    expect(problem(() => decodeFilterValue(field("format"), "eq", "VINYL")).code).toBe("bad_request");
  });

  it("refuses values that are not uuids for @db.Uuid text with a 400", () => {
    const key = scalar("key", "String", { nativeType: ["Uuid", []] });
    const uuid = "123e4567-e89b-12d3-a456-426614174000";
    expect(decodeFilterValue(key, "eq", uuid)).toBe(uuid);
    expect(decodeFilterValue(key, "in", `${uuid}, ${uuid}`)).toEqual([uuid, uuid]);
    for (const op of ["eq", "neq", "in"] as const) {
      expect(
        problem(() => decodeFilterValue(key, op, "12")),
        op,
      ).toEqual({
        code: "bad_request",
        status: 400,
        fields: { key: "Expected a uuid such as 123e4567-e89b-12d3-a456-426614174000" },
      });
    }
    // Length limits are not checked in filters: longer text simply matches nothing.
    expect(decodeFilterValue(field("title"), "eq", "x".repeat(30))).toBe("x".repeat(30));
  });
});
