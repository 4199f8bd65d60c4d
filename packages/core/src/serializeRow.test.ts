import { describe, expect, it } from "vitest";
import { recordVersion } from "./recordVersion.js";
import { serializeRow, toRecordRef } from "./serializeRow.js";
import { author, book, orderItem, schema, shipment } from "./testing/fixtures.js";

describe("serializeRow", () => {
  it("puts $id and $label first and wire-encodes every scalar", () => {
    const wire = serializeRow(schema, book, {
      id: 7,
      title: "Dune",
      price: { toString: () => "1.2345e+25", toFixed: () => "12345000000000000000000000" },
      stock: 9007199254740993n,
      publishedAt: new Date("2024-05-01T13:45:00Z"),
      releaseDate: new Date("2024-05-01T00:00:00Z"),
      cover: new Uint8Array([0, 255, 16]),
      extra: { a: 1 },
      isbn: null,
    });
    expect(Object.keys(wire).slice(0, 3)).toEqual(["$id", "$label", "$version"]);
    expect(wire).toEqual({
      $id: "7",
      $label: "Dune",
      $version: expect.stringMatching(/^[\w-]{16}$/),
      id: 7,
      title: "Dune",
      isbn: null,
      price: "12345000000000000000000000",
      stock: "9007199254740993",
      publishedAt: "2024-05-01T13:45:00.000Z",
      releaseDate: "2024-05-01",
      cover: "AP8Q",
      extra: { a: 1 },
    });
    expect(JSON.parse(JSON.stringify(wire))).toEqual(wire);
  });

  it("turns related records into {$id, $label} and keeps to-many counts", () => {
    const wire = serializeRow(schema, book, {
      id: 7,
      title: "Dune",
      author: { id: 3, name: "Frank Herbert" },
      editor: null,
      tags: 4,
      orderItems: 0,
    });
    expect(wire.author).toEqual({ $id: "3", $label: "Frank Herbert" });
    expect(wire.editor).toBeNull();
    expect(wire.tags).toBe(4);
    expect(wire.orderItems).toBe(0);
  });

  it("addresses related records with composite ids", () => {
    const wire = serializeRow(schema, shipment, {
      id: 1,
      carrier: "UPS",
      item: { orderId: "o,1", bookId: 7 },
    });
    expect(wire.item).toEqual({ $id: "o%2C1,7", $label: "o,1" });
  });

  it("labels rows and their references by titleParts, through the related records they carry", () => {
    const derived = { ...orderItem, titleParts: ["order", "book"] };
    const labelled = {
      ...schema,
      models: schema.models.map((item) => (item === orderItem ? derived : item)),
    };
    const row = { orderId: "o1", bookId: 7, order: { id: "o1" }, book: { id: 7, title: "Dune" } };
    expect(serializeRow(labelled, derived, row).$label).toBe("o1 · Dune");
    const wire = serializeRow(labelled, shipment, { id: 1, carrier: "UPS", item: row });
    expect(wire.item).toEqual({ $id: "o1,7", $label: "o1 · Dune" });
  });

  it("leaves out fields the data source did not return", () => {
    expect(serializeRow(schema, book, { id: 7, title: "Dune" })).toEqual({
      $id: "7",
      $label: "Dune",
      $version: recordVersion(book, { id: 7, title: "Dune" }),
      id: 7,
      title: "Dune",
    });
  });

  it("fails loudly when a related record comes without its id", () => {
    expect(() => serializeRow(schema, book, { id: 7, title: "x", author: { name: "F" } })).toThrow(
      /lacks id field/,
    );
  });
});

describe("toRecordRef", () => {
  it("labels a record with a composite id", () => {
    expect(toRecordRef(orderItem, { orderId: "o1", bookId: 2 })).toEqual({ $id: "o1,2", $label: "o1" });
  });

  it("falls back to the model label and $id when the title is empty", () => {
    expect(toRecordRef(author, { id: 3, name: "  " })).toEqual({ $id: "3", $label: "Author 3" });
    expect(toRecordRef(author, { id: 4, name: null })).toEqual({ $id: "4", $label: "Author 4" });
  });
});
