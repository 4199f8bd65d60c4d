import { describe, expect, it } from "vitest";
import { caseForms, escapeLike, prefixMatches } from "./prefixMatch.js";

describe("caseForms", () => {
  it("spells the first ASCII letters every way, within the budget", () => {
    expect(caseForms("du", 16, {})).toEqual(["du", "dU", "Du", "DU"]);
    expect(caseForms("dune", 8, {})).toEqual(["dun", "duN", "dUn", "dUN", "Dun", "DuN", "DUn", "DUN"]);
    expect(caseForms("BK-2026", 4, {})).toEqual(["bk-2026", "bK-2026", "Bk-2026", "BK-2026"]);
  });

  it("stops at the first character outside ASCII, and gives nothing when none fits", () => {
    expect(caseForms("aÉx", 16, {})).toEqual(["a", "A"]);
    expect(caseForms("Élan", 16, {})).toEqual([]);
    expect(caseForms("ab", 1, {})).toEqual([]);
    expect(caseForms("12ab", 1, {})).toEqual(["12"]);
  });

  it("adds the characters a database folds onto a letter", () => {
    expect(caseForms("k", 16, { k: ["\u212A"] })).toEqual(["k", "K", "\u212A"]);
  });
});

describe("escapeLike", () => {
  it("escapes LIKE's wildcards and its escape character with a backslash", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(escapeLike("plain")).toBe("plain");
  });
});

describe("prefixMatches", () => {
  it("is one LIKE on MySQL, whose collation ignores case", () => {
    expect(prefixMatches("title", "Du", "mysql", 1)).toEqual([{ title: { startsWith: "Du" } }]);
  });

  it("narrows ILIKE by the case forms' LIKE on PostgreSQL", () => {
    const exact = { title: { startsWith: "d\\%", mode: "insensitive" } };
    expect(prefixMatches("title", "d%", "postgresql", 1)).toEqual([
      { AND: [{ title: { startsWith: "d\\%" } }, exact] },
      { AND: [{ title: { startsWith: "D\\%" } }, exact] },
    ]);
    expect(prefixMatches("title", "é", "postgresql", 1)).toEqual([
      { title: { startsWith: "é", mode: "insensitive" } },
    ]);
  });

  it("narrows LIKE by key ranges of the case forms on SQLite, within one budget for all fields", () => {
    expect(prefixMatches("title", "az", "sqlite", 2)).toEqual([
      { AND: [{ title: { gte: "a", lt: "b" } }, { title: { startsWith: "az" } }] },
      { AND: [{ title: { gte: "A", lt: "B" } }, { title: { startsWith: "az" } }] },
    ]);
    // Four forms in all: four fields leave none to narrow by, and the exact test alone remains.
    expect(prefixMatches("title", "az", "sqlite", 4)).toEqual([{ title: { startsWith: "az" } }]);
    const [first] = prefixMatches("title", "dü", "sqlite", 1);
    expect(first).toEqual({
      AND: [
        { title: { gte: "d", lt: "e" } },
        { OR: [{ title: { startsWith: "dü" } }, { title: { startsWith: "dÜ" } }] },
      ],
    });
  });
});
