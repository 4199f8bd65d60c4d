import type { FieldMeta, ModelMeta, SchemaMeta } from "@atrium/core";

/** A small library schema for the server's tests: autoincrement ids, a to-one relation, a compound id. */

function field(name: string, overrides: Partial<FieldMeta> = {}): FieldMeta {
  return {
    name,
    label: name.charAt(0).toUpperCase() + name.slice(1),
    kind: "scalar",
    type: "String",
    isList: false,
    isRequired: true,
    isId: false,
    isUnique: false,
    isReadOnly: false,
    hasDefault: false,
    isUpdatedAt: false,
    isForeignKey: false,
    ...overrides,
  };
}

const autoId = (): FieldMeta =>
  field("id", {
    type: "Int",
    isId: true,
    isUnique: true,
    isReadOnly: true,
    hasDefault: true,
    default: { kind: "autoincrement" },
  });

const author: ModelMeta = {
  key: "author",
  name: "Author",
  label: "Author",
  labelPlural: "Authors",
  idFields: ["id"],
  idKind: "id",
  titleField: "name",
  searchFields: ["name"],
  uniqueIndexes: [],
  fields: [
    autoId(),
    field("name"),
    field("books", {
      kind: "relation",
      type: "Book",
      isList: true,
      isRequired: false,
      isReadOnly: true,
      relation: {
        name: "AuthorToBook",
        model: "Book",
        toMany: true,
        fromFields: [],
        toFields: [],
        backField: "author",
        isManyToMany: false,
      },
    }),
  ],
};

const book: ModelMeta = {
  key: "book",
  name: "Book",
  label: "Book",
  labelPlural: "Books",
  idFields: ["id"],
  idKind: "id",
  titleField: "title",
  searchFields: ["title"],
  uniqueIndexes: [],
  fields: [
    autoId(),
    field("title"),
    field("pages", { type: "Int", isRequired: false }),
    field("authorId", { type: "Int", isForeignKey: true }),
    field("author", {
      kind: "relation",
      type: "Author",
      relation: {
        name: "AuthorToBook",
        model: "Author",
        toMany: false,
        fromFields: ["authorId"],
        toFields: ["id"],
        onDelete: "Cascade",
        backField: "books",
        isManyToMany: false,
      },
    }),
  ],
};

const orderLine: ModelMeta = {
  key: "order-line",
  name: "OrderLine",
  label: "Order line",
  labelPlural: "Order lines",
  idFields: ["orderCode", "sku"],
  idKind: "compoundId",
  idSelectorName: "orderCode_sku",
  titleField: "sku",
  searchFields: ["sku"],
  uniqueIndexes: [],
  fields: [
    field("orderCode", { isId: true }),
    field("sku", { isId: true }),
    field("quantity", { type: "Int" }),
  ],
};

export function schemaFixture(): SchemaMeta {
  return { provider: "sqlite", models: [author, book, orderLine], enums: [] };
}
