import { describe, expect, it } from "vitest";
import { cellToWire, exchangeFields, wireToCell } from "./exchangeCells.js";
import type { FieldMeta } from "./metadata.js";
import { book } from "./testing/fixtures.js";
import { encodeWireValue } from "./wireCodec.js";

const field = (name: string): FieldMeta => {
  const found = book.fields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`fixture has no ${name}`);
  return found;
};
const text = (value: string) => ({ text: value, quoted: false });

describe("exchangeFields", () => {
  it("writes scalar and enum fields with their foreign keys, never relations or Unsupported columns", () => {
    const names = exchangeFields(book).map((candidate) => candidate.name);
    expect(names).toContain("authorId");
    expect(names).toContain("format");
    expect(names).not.toContain("author");
    expect(names).not.toContain("tags");
    expect(names).not.toContain("search");
  });
});

describe("CSV cells", () => {
  const values: [string, unknown][] = [
    ["title", 'Grüße, "quoted"\nnext line'],
    ["title", ""],
    ["pages", 412],
    ["rating", 0.1],
    ["price", "1234567.12"],
    ["stock", 9007199254740993n],
    ["inPrint", false],
    ["publishedAt", new Date("1999-12-31T23:59:59.999Z")],
    ["releaseDate", new Date("2024-05-01T00:00:00Z")],
    ["cover", new Uint8Array([0, 1, 127, 128, 255])],
    ["extra", { nested: ["a", 1, null] }],
    ["extra", "5"],
    ["format", "EBOOK"],
    ["keywords", ["a", "b,c"]],
    ["chapterPages", [1, 2]],
    ["pages", null],
  ];

  it.each(values)("reads back the wire value of %s = %s exactly", (name, value) => {
    const wire = encodeWireValue(field(name), value);
    const cell = wireToCell(field(name), wire);
    const reading = cellToWire(field(name), { text: cell ?? "", quoted: cell === "" });
    expect(reading).toEqual({ value: wire });
  });

  it("tells the empty text (a quoted empty cell) from null (an empty cell)", () => {
    expect(cellToWire(field("title"), { text: "", quoted: true })).toEqual({ value: "" });
    expect(cellToWire(field("title"), text(""))).toEqual({ value: null });
  });

  it("passes text that is no number or boolean on, for the form's own message", () => {
    expect(cellToWire(field("pages"), text("many"))).toEqual({ value: "many" });
    expect(cellToWire(field("inPrint"), text("yes"))).toEqual({ value: "yes" });
    expect(cellToWire(field("inPrint"), text(" TRUE "))).toEqual({ value: true });
  });

  it("says what a Json or list cell should hold when it is no JSON", () => {
    expect(cellToWire(field("extra"), text("{oops"))).toEqual({
      problem: 'Expected JSON text such as {"key": "value"}',
    });
    expect(cellToWire(field("keywords"), text("a,b"))).toEqual({
      problem: 'Expected JSON text such as ["a", "b"]',
    });
  });
});
