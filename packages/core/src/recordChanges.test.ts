import { describe, expect, it } from "vitest";
import { recordChanges } from "./recordChanges.js";
import { book } from "./testing/fixtures.js";

const before = {
  id: 7,
  title: "Dune",
  isbn: null,
  price: "12.50",
  stock: 3n,
  cover: new Uint8Array([0, 255]),
  publishedAt: new Date("2024-05-01T13:45:00Z"),
  authorId: 3,
  author: { id: 3, name: "Frank Herbert" },
  orderItems: 2,
};

describe("recordChanges", () => {
  it("keeps only changed fields of an update, wire-encoded and JSON-safe", () => {
    const after = { ...before, price: "13.00", stock: 4n, authorId: 5, author: { id: 5, name: "Other" } };
    const changes = recordChanges(book, before, after);
    expect(changes).toEqual({
      price: { old: "12.50", new: "13.00" },
      stock: { old: "3", new: "4" },
      authorId: { old: 3, new: 5 },
    });
    expect(JSON.parse(JSON.stringify(changes))).toEqual(changes);
  });

  it("snapshots every scalar, nulls included, for creates and deletes", () => {
    const deleted = recordChanges(book, before, null);
    expect(deleted).toMatchObject({
      id: { old: 7, new: null },
      isbn: { old: null, new: null },
      cover: { old: "AP8=", new: null },
      publishedAt: { old: "2024-05-01T13:45:00.000Z", new: null },
    });
    expect(deleted).not.toHaveProperty("author");
    expect(deleted).not.toHaveProperty("orderItems");
    expect(recordChanges(book, null, before).title).toEqual({ old: null, new: "Dune" });
  });

  it("says nothing about fields an update did not read on both sides", () => {
    expect(recordChanges(book, { id: 7, title: "A" }, { id: 7, pages: 3 })).toEqual({});
  });
});
