import { author, book, tag } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import {
  choiceValue,
  formatOfFile,
  importFieldChoices,
  mappingFromChoice,
  matchChoices,
} from "./importChoices.js";

describe("importFieldChoices", () => {
  it("offers writable fields, the id, and each to-one relation by id or by a unique field", () => {
    const choices = importFieldChoices(book, [author, book, tag]);
    const values = choices.map((choice) => choice.value);
    expect(values).toContain("id");
    expect(values).toContain("title");
    expect(values).toContain("authorId");
    expect(values).not.toContain("updatedAt");
    expect(values).not.toContain("search");
    expect(choices.filter((choice) => choice.field === "author").map((choice) => choice.label)).toEqual([
      "Author (by id)",
      "Author by email",
    ]);
    expect(values.some((value) => value.startsWith("tags"))).toBe(false);
  });
});

describe("matchChoices", () => {
  it("offers the id once it has a column, mapped unique fields, and creating every row", () => {
    expect(matchChoices(book, [{ column: "t", field: "title" }]).map((choice) => choice.value)).toEqual([
      "none",
    ]);
    const mapped = [
      { column: "id", field: "id" },
      { column: "isbn", field: "isbn" },
    ];
    expect(matchChoices(book, mapped).map((choice) => choice.value)).toEqual(["$id", "isbn", "none"]);
  });
});

describe("choices as option values", () => {
  it("round-trips a mapping through its option value", () => {
    for (const entry of [
      { column: "A", field: null },
      { column: "A", field: "title" },
      { column: "A", field: "author", by: "email" },
    ]) {
      expect(mappingFromChoice("A", choiceValue(entry))).toEqual(entry);
    }
  });

  it("tells the format from the file name", () => {
    expect(["a.CSV", "b.json", "c.jsonl", "d.ndjson", "e.xlsx"].map(formatOfFile)).toEqual([
      "csv",
      "json",
      "ndjson",
      "ndjson",
      undefined,
    ]);
  });
});
