import { describe, expect, it } from "vitest";
import { resolveMapping, suggestMapping } from "./importMapping.js";
import type { SchemaMeta } from "./metadata.js";
import { author, book, orderItem, profile, tag } from "./testing/fixtures.js";

const schema: SchemaMeta = { provider: "sqlite", models: [author, profile, book, tag, orderItem], enums: [] };

describe("suggestMapping", () => {
  it("maps columns named like a field's name or label, in any spelling, each field once", () => {
    const mapping = suggestMapping(schema, book, [
      "ID",
      "Title",
      "in_print",
      "Published at",
      "title",
      "Notes",
    ]);
    expect(mapping).toEqual([
      { column: "ID", field: "id" },
      { column: "Title", field: "title" },
      { column: "in_print", field: "inPrint" },
      { column: "Published at", field: "publishedAt" },
      { column: "title", field: null },
      { column: "Notes", field: null },
    ]);
  });

  it("leaves read-only columns out, except the id that finds the record", () => {
    expect(suggestMapping(schema, book, ["id", "updatedAt"])).toEqual([
      { column: "id", field: "id" },
      { column: "updatedAt", field: null },
    ]);
  });

  it("maps a relation column by id, or by the unique field after its dot", () => {
    expect(suggestMapping(schema, book, ["author", "editor.email", "author.name"])).toEqual([
      { column: "author", field: "author", by: "$id" },
      { column: "editor.email", field: "editor", by: "email" },
      { column: "author.name", field: null },
    ]);
  });
});

describe("resolveMapping", () => {
  const columns = ["id", "title", "isbn", "author", "updatedAt"];

  it("matches rows by id when the id has a column, else creates them all", () => {
    const withId = resolveMapping({
      viewSchema: schema,
      model: book,
      columns,
      mapping: [
        { column: "id", field: "id" },
        { column: "title", field: "title" },
      ],
    });
    expect(withId.match).toBe("$id");
    expect(withId.matchFields.map((field) => field.name)).toEqual(["id"]);
    expect(withId.columns[0]).toMatchObject({ kind: "value", keyOnly: true });
    const without = resolveMapping({
      viewSchema: schema,
      model: book,
      columns,
      mapping: [{ column: "title", field: "title" }],
    });
    expect(without.match).toBe("none");
  });

  it("matches by a unique field, and refuses one that is not unique", () => {
    const mapping = [
      { column: "title", field: "title" },
      { column: "isbn", field: "isbn" },
    ];
    expect(resolveMapping({ viewSchema: schema, model: book, columns, mapping, match: "isbn" }).match).toBe(
      "isbn",
    );
    expect(() =>
      resolveMapping({ viewSchema: schema, model: book, columns, mapping, match: "title" }),
    ).toThrow(/'Title' is not unique/);
  });

  it("reports every problem of a mapping at once, keyed by its column", () => {
    try {
      resolveMapping({
        viewSchema: schema,
        model: book,
        columns,
        mapping: [
          { column: "nope", field: "title" },
          { column: "title", field: "titel" },
          { column: "updatedAt", field: "updatedAt" },
          { column: "author", field: "author", by: "name" },
          { column: "isbn", field: "isbn" },
          { column: "id", field: "isbn" },
        ],
        match: "$id",
      });
      expect.unreachable();
    } catch (error) {
      expect((error as { fields: Record<string, string> }).fields).toEqual({
        "mapping.nope": "The file has no column 'nope'",
        "mapping.title": "Book has no field 'titel' an import can fill",
        "mapping.updatedAt": "'Updated at' is read-only; leave the column out",
        "mapping.author": "Authors are found by one of: $id, id, email; 'name' is not one",
        "mapping.id": "'Isbn' is already filled from the column 'isbn'",
        match: "Matching by id needs a column for id",
      });
    }
  });

  it("needs every part of a compound id to match by it", () => {
    const shape = resolveMapping({
      viewSchema: schema,
      model: orderItem,
      columns: ["orderId", "bookId", "quantity"],
      mapping: [
        { column: "orderId", field: "orderId" },
        { column: "bookId", field: "bookId" },
        { column: "quantity", field: "quantity" },
      ],
    });
    expect(shape.matchFields.map((field) => field.name)).toEqual(["orderId", "bookId"]);
  });
});
