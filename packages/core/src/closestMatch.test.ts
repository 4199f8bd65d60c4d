import { describe, expect, it } from "vitest";
import { closestMatch } from "./closestMatch.js";

describe("closestMatch", () => {
  const keys = ["author", "book", "order-item", "category"];

  it("suggests the key a typo or a model name was meant to be", () => {
    expect(closestMatch("bok", keys)).toBe("book");
    expect(closestMatch("books", keys)).toBe("book");
    expect(closestMatch("OrderItem", keys)).toBe("order-item");
    expect(closestMatch("catgory", keys)).toBe("category");
  });

  it("counts two swapped letters as one typo", () => {
    expect(closestMatch("titel", ["title", "subtitle"])).toBe("title");
    expect(closestMatch("nmae", ["name", "bio"])).toBe("name");
  });

  it("suggests nothing for unrelated input", () => {
    expect(closestMatch("invoice", keys)).toBeUndefined();
    expect(closestMatch("", keys)).toBeUndefined();
    expect(closestMatch("---", keys)).toBeUndefined();
  });
});
