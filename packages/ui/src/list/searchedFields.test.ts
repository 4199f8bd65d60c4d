import { model, relation, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { placeholder } from "./SearchBox.js";
import { searchedFields } from "./searchedFields.js";

const book = (searchFields: string[]) => ({
  ...model("Book", [
    scalar("id", "Int", { isId: true }),
    scalar("title", "String"),
    scalar("isbn", "String", { label: "ISBN" }),
    relation("author", "Author", { name: "AuthorToBook", fromFields: ["authorId"] }),
  ]),
  searchFields,
});

describe("searchedFields", () => {
  it("names each searched field once, a relation path by its relation, joined as a sentence", () => {
    expect(searchedFields(book(["title"]))).toBe("title");
    expect(searchedFields(book(["title", "isbn"]))).toBe("title or ISBN");
    expect(searchedFields(book(["title", "isbn", "author.name", "author.email"]))).toBe(
      "title, ISBN or author",
    );
  });

  it("says nothing for a model without search", () => {
    expect(searchedFields(book([]))).toBe("");
  });
});

describe("the search box's placeholder", () => {
  it("says which fields it searches, and 'starts with' for a prefix match", () => {
    expect(placeholder("Search books", "title or ISBN", "contains")).toBe("Search title or ISBN…  /");
    expect(placeholder("Search books", "title or ISBN", "prefix")).toBe(
      "Search: title or ISBN starts with…  /",
    );
    expect(placeholder("Search books", undefined, "prefix")).toBe("Search books starts with…  /");
  });
});
