import { describe, expect, it } from "vitest";
import { AtriumError } from "./errors.js";
import { decodeRecordId, encodeRecordId, idValuesOf } from "./recordId.js";
import { book, country, modelWithId, orderItem } from "./testing/fixtures.js";

function badRequest(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof AtriumError && error.code === "bad_request" && error.status === 400)
      return error.message;
    throw error;
  }
  throw new Error("expected a bad_request AtriumError");
}

describe("encodeRecordId / decodeRecordId", () => {
  it("uses the plain value for a single id field", () => {
    expect(encodeRecordId(book, { id: 12 })).toBe("12");
    expect(decodeRecordId(book, "12")).toEqual({ id: 12 });
    expect(encodeRecordId(country, { isoCode: "FR" })).toBe("FR");
    expect(decodeRecordId(country, "a,b/c")).toEqual({ isoCode: "a,b/c" });
  });

  it("round-trips every id type", () => {
    const cases: [string, unknown, string][] = [
      ["Int", -7, "-7"],
      ["BigInt", 9223372036854775807n, "9223372036854775807"],
      ["String", "über, alles", "über, alles"],
      ["DateTime", new Date("2024-05-01T13:45:00.250Z"), "2024-05-01T13:45:00.250Z"],
      ["Bytes", new Uint8Array([251, 255, 0]), "-_8A"],
      ["Decimal", "12.50", "12.50"],
      ["Float", 2.5, "2.5"],
      ["Boolean", true, "true"],
    ];
    for (const [type, value, text] of cases) {
      const model = modelWithId(type);
      expect(encodeRecordId(model, { id: value }), type).toBe(text);
      expect(decodeRecordId(model, text), type).toEqual({ id: value });
    }
  });

  it("encodes Prisma's Decimal objects without exponent notation", () => {
    const decimal = { toString: () => "1e-8", toFixed: () => "0.00000001" };
    expect(encodeRecordId(modelWithId("Decimal"), { id: decimal })).toBe("0.00000001");
  });

  it("joins URL-encoded parts with commas for composite ids, so parts may hold commas", () => {
    const text = encodeRecordId(orderItem, { orderId: "a,b%c", bookId: 7 });
    expect(text).toBe("a%2Cb%25c,7");
    expect(decodeRecordId(orderItem, text)).toEqual({ orderId: "a,b%c", bookId: 7 });
  });

  it("refuses text that cannot be an id of the model with a 400", () => {
    expect(badRequest(() => decodeRecordId(book, "abc"))).toContain("'abc' is not a valid Id (Int)");
    expect(badRequest(() => decodeRecordId(book, "12.5"))).toContain("Int");
    expect(badRequest(() => decodeRecordId(book, "99999999999"))).toContain("Int");
    expect(badRequest(() => decodeRecordId(book, ""))).toContain("Malformed id for Book");
    expect(badRequest(() => decodeRecordId(orderItem, "a"))).toContain("Expected 2 parts");
    expect(badRequest(() => decodeRecordId(orderItem, "a,b,7"))).toContain("Expected 2 parts");
    expect(badRequest(() => decodeRecordId(orderItem, "a,x"))).toContain("Book id");
    expect(badRequest(() => decodeRecordId(orderItem, "%E0%A4%A,7"))).toContain("URL-encoded");
    expect(badRequest(() => decodeRecordId(modelWithId("DateTime"), "2024-05-01"))).toContain("DateTime");
    expect(badRequest(() => decodeRecordId(modelWithId("Boolean"), "1"))).toContain("Boolean");
    expect(badRequest(() => decodeRecordId(modelWithId("Float"), "0x10"))).toContain("Float");
  });

  it("refuses a @db.Uuid id that is not a uuid, and a @db.VarChar id longer than its column", () => {
    const uuidKeyed = modelWithId("String", { nativeType: ["Uuid", []] });
    const uuid = "123e4567-e89b-12d3-a456-426614174000";
    expect(decodeRecordId(uuidKeyed, uuid)).toEqual({ id: uuid });
    expect(badRequest(() => decodeRecordId(uuidKeyed, "not-a-uuid"))).toContain(
      "'not-a-uuid' is not a valid Id: Expected a uuid",
    );
    const short = modelWithId("String", { nativeType: ["VarChar", ["3"]] });
    expect(decodeRecordId(short, "abc")).toEqual({ id: "abc" });
    expect(badRequest(() => decodeRecordId(short, "abcd"))).toContain("At most 3 characters");
  });

  it("checks enum ids against the enum's values", () => {
    const model = modelWithId("Size", { kind: "enum", enumValues: ["S", "M"] });
    expect(decodeRecordId(model, "M")).toEqual({ id: "M" });
    expect(badRequest(() => decodeRecordId(model, "XL"))).toContain("'XL'");
  });
});

describe("idValuesOf", () => {
  it("picks the id fields from a row", () => {
    expect(idValuesOf(orderItem, { orderId: "o1", bookId: 3, quantity: 2 })).toEqual({
      orderId: "o1",
      bookId: 3,
    });
  });

  it("fails loudly when a data source left an id field out", () => {
    expect(() => idValuesOf(orderItem, { orderId: "o1" })).toThrow(/lacks id field 'bookId'/);
  });
});
