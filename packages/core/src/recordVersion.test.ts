import { describe, expect, it } from "vitest";
import { canonicalJson, recordVersion } from "./recordVersion.js";
import { book } from "./testing/fixtures.js";

const row = {
  id: 7,
  title: "Dune",
  price: "12.50",
  stock: 3n,
  publishedAt: new Date("2024-05-01T13:45:00Z"),
  extra: { b: 1, a: [1, { d: 2, c: 3 }] },
  authorId: 3,
  author: { id: 3, name: "Frank Herbert" },
  orderItems: 2,
};

describe("recordVersion", () => {
  it("is a 16-character base64url text, the same for the same stored values", () => {
    const version = recordVersion(book, row);
    expect(version).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(recordVersion(book, { ...row, extra: { a: [1, { c: 3, d: 2 }], b: 1 } })).toBe(version);
  });

  it("changes when any stored value changes, foreign keys included", () => {
    const version = recordVersion(book, row);
    expect(recordVersion(book, { ...row, title: "Dune II" })).not.toBe(version);
    expect(recordVersion(book, { ...row, publishedAt: new Date("2024-05-01T13:45:01Z") })).not.toBe(version);
    expect(recordVersion(book, { ...row, stock: 4n })).not.toBe(version);
    expect(recordVersion(book, { ...row, authorId: 4 })).not.toBe(version);
    expect(recordVersion(book, { ...row, price: null })).not.toBe(version);
  });

  it("covers only the fields of the model it is given (the user's view), and never @updatedAt", () => {
    const version = recordVersion(book, row);
    expect(recordVersion(book, { ...row, updatedAt: new Date("2026-01-01T00:00:00Z") })).toBe(version);
    const withoutTitle = { ...book, fields: book.fields.filter((field) => field.name !== "title") };
    const seen = recordVersion(withoutTitle, row);
    expect(seen).not.toBe(version);
    expect(recordVersion(withoutTitle, { ...row, title: "Dune II" })).toBe(seen);
  });

  it("ignores related records' labels and counts, which are not this record's values", () => {
    const version = recordVersion(book, row);
    expect(recordVersion(book, { ...row, author: { id: 3, name: "F. Herbert" }, orderItems: 9 })).toBe(
      version,
    );
  });
});

describe("canonicalJson", () => {
  it("sorts object keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: [{ z: 1, y: undefined, a: null }], a: "x" })).toBe(
      '{"a":"x","b":[{"a":null,"z":1}]}',
    );
  });
});
