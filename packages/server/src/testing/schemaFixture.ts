import type { SchemaMeta } from "@atrium/core";
import { autoId, model, relation, scalar } from "@atrium/core/testing";

/** A small library schema for the server's tests: autoincrement ids, a to-one relation, a compound id. */

const author = model(
  "Author",
  [
    autoId("id", { isUnique: true }),
    scalar("name", "String"),
    relation(
      "books",
      "Book",
      { name: "AuthorToBook", toMany: true, backField: "author" },
      { isReadOnly: true },
    ),
  ],
  { titleField: "name", searchFields: ["name"] },
);

const book = model(
  "Book",
  [
    autoId("id", { isUnique: true }),
    scalar("title", "String"),
    scalar("pages", "Int", { isRequired: false }),
    scalar("authorId", "Int", { isForeignKey: true }),
    relation("author", "Author", {
      name: "AuthorToBook",
      fromFields: ["authorId"],
      toFields: ["id"],
      onDelete: "Cascade",
      backField: "books",
    }),
  ],
  { titleField: "title", searchFields: ["title"] },
);

const orderLine = model(
  "OrderLine",
  [
    scalar("orderCode", "String", { isId: true }),
    scalar("sku", "String", { isId: true }),
    scalar("quantity", "Int"),
  ],
  { idSelectorName: "orderCode_sku", titleField: "sku", searchFields: ["sku"] },
);

export function schemaFixture(): SchemaMeta {
  return { provider: "sqlite", models: [author, book, orderLine], enums: [] };
}
