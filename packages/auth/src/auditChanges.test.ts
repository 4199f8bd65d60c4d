import { model, relation, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { auditChanges } from "./auditChanges.js";

const book = model(
  "Book",
  [
    scalar("id", "Int", { isId: true }),
    scalar("title", "String"),
    scalar("price", "Decimal"),
    scalar("stock", "BigInt"),
    scalar("publishedAt", "DateTime"),
    scalar("secretToken", "String"),
    relation("author", "Author", { name: "AuthorToBook" }),
  ],
  { titleField: "title", searchFields: ["title"] },
);

describe("auditChanges", () => {
  const before = {
    id: 1,
    title: "Dune",
    price: "9.99",
    stock: 10n,
    publishedAt: new Date("1965-08-01T00:00:00Z"),
    secretToken: "abc",
    author: { id: 3 },
  };

  it("keeps only the fields that changed, with old and new values as the API shows them", () => {
    const after = { ...before, title: "Dune Messiah", stock: 11n, author: { id: 4 } };
    expect(auditChanges(book, before, after)).toEqual({
      title: { old: "Dune", new: "Dune Messiah" },
      stock: { old: "10", new: "11" },
    });
  });

  it("records every field of a created or deleted record", () => {
    const created = auditChanges(book, null, before);
    expect(created.publishedAt).toEqual({ old: null, new: "1965-08-01T00:00:00.000Z" });
    expect(Object.keys(created)).toEqual(["id", "title", "price", "stock", "publishedAt", "secretToken"]);
    expect(auditChanges(book, before, null).title).toEqual({ old: "Dune", new: null });
  });

  it("records that a secret changed without storing its values", () => {
    const after = { ...before, secretToken: "xyz" };
    expect(auditChanges(book, before, after, { redact: new Set(["secretToken"]) })).toEqual({
      secretToken: { old: "[hidden]", new: "[hidden]" },
    });
  });

  it("says nothing about fields one side did not read", () => {
    expect(auditChanges(book, before, { id: 1, title: "Dune" })).toEqual({});
  });
});
