import { describe, expect, it } from "vitest";
import { allowedOperators, isSortable } from "./allowedOperators.js";
import { findField } from "./metadata.js";
import { author, book, scalar } from "./testing/fixtures.js";

function operatorsOf(name: string, model = book) {
  const field = findField(model, name);
  if (!field) throw new Error(`fixture has no field ${name}`);
  return allowedOperators(field);
}

describe("allowedOperators", () => {
  it("offers comparisons on ordered types and text search on strings only", () => {
    expect(operatorsOf("pages")).toEqual(["eq", "neq", "in", "lt", "lte", "gt", "gte", "isNull"]);
    expect(operatorsOf("price")).toEqual(["eq", "neq", "in", "lt", "lte", "gt", "gte"]);
    expect(operatorsOf("title")).toEqual(["eq", "neq", "in", "contains", "startsWith"]);
    expect(operatorsOf("format")).toEqual(["eq", "neq", "in"]);
    expect(operatorsOf("inPrint")).toEqual(["eq", "neq", "in"]);
  });

  it("offers no text search on @db.Uuid text, which the database does not treat as text", () => {
    const key = scalar("key", "String", { nativeType: ["Uuid", []], isRequired: false });
    expect(allowedOperators(key)).toEqual(["eq", "neq", "in", "isNull"]);
  });

  it("offers only isNull on optional Json and Bytes, and nothing on Unsupported", () => {
    expect(operatorsOf("extra")).toEqual(["isNull"]);
    expect(operatorsOf("cover")).toEqual(["isNull"]);
    expect(operatorsOf("search")).toEqual([]);
  });

  it("compares relations by id, with isNull on optional to-one and on to-many relations", () => {
    expect(operatorsOf("author")).toEqual(["eq", "neq", "in"]);
    expect(operatorsOf("editor")).toEqual(["eq", "neq", "in", "isNull"]);
    expect(operatorsOf("books", author)).toEqual(["eq", "neq", "in", "isNull"]);
  });

  it("compares list fields by element", () => {
    expect(operatorsOf("keywords")).toEqual(["eq", "neq", "in"]);
  });
});

describe("isSortable", () => {
  it("sorts scalars and enums but not lists, Json, Bytes, Unsupported or relations", () => {
    const sortable = book.fields.filter(isSortable).map((field) => field.name);
    expect(sortable).toContain("title");
    expect(sortable).toContain("format");
    for (const name of ["keywords", "extra", "cover", "search", "author", "tags"])
      expect(sortable).not.toContain(name);
  });
});
