/**
 * Typed metadata fixtures for unit tests, imported as `@atrium/core/testing` from other packages' tests (never
 * from production code: biome.json refuses that import outside test files). Builders fill the flags a field
 * usually has, so each test states only what matters to it.
 */
import type { FieldMeta, ModelMeta, RelationMeta, SchemaMeta } from "../metadata.js";

function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function scalar(name: string, type: string, overrides: Partial<FieldMeta> = {}): FieldMeta {
  return {
    name,
    label: humanize(name),
    kind: "scalar",
    type,
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

export function enumField(name: string, type: string, values: string[], overrides: Partial<FieldMeta> = {}) {
  return scalar(name, type, { kind: "enum", enumValues: values, ...overrides });
}

/** An `@id @default(autoincrement())` Int. */
export function autoId(name = "id", overrides: Partial<FieldMeta> = {}): FieldMeta {
  return scalar(name, "Int", {
    isId: true,
    isReadOnly: true,
    hasDefault: true,
    default: { kind: "autoincrement" },
    ...overrides,
  });
}

export function relation(
  name: string,
  model: string,
  relationMeta: Partial<RelationMeta> & { name: string },
  overrides: Partial<FieldMeta> = {},
): FieldMeta {
  const toMany = relationMeta.toMany ?? false;
  return scalar(name, model, {
    kind: "relation",
    isList: toMany,
    isRequired: !toMany,
    relation: { model, toMany, fromFields: [], toFields: [], isManyToMany: false, ...relationMeta },
    ...overrides,
  });
}

export function model(name: string, fields: FieldMeta[], overrides: Partial<ModelMeta> = {}): ModelMeta {
  const key = name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  const idFields = fields.filter((field) => field.isId).map((field) => field.name);
  return {
    key,
    name,
    label: humanize(name),
    labelPlural: `${humanize(name)}s`,
    idFields,
    idKind: idFields.length > 1 ? "compoundId" : "id",
    titleField: idFields[0] ?? "",
    searchFields: [],
    uniqueIndexes: [],
    fields,
    ...overrides,
  };
}

export const author = model(
  "Author",
  [
    autoId(),
    scalar("name", "String"),
    scalar("email", "String", { isRequired: false, isUnique: true }),
    relation("books", "Book", { name: "AuthorToBook", toMany: true, backField: "author" }),
    relation("profile", "Profile", { name: "AuthorToProfile", backField: "author" }, { isRequired: false }),
  ],
  { titleField: "name", searchFields: ["name", "email"] },
);

export const profile = model(
  "Profile",
  [
    autoId(),
    scalar("bio", "String", { isRequired: false }),
    scalar("authorId", "Int", { isUnique: true, isForeignKey: true }),
    relation("author", "Author", {
      name: "AuthorToProfile",
      fromFields: ["authorId"],
      toFields: ["id"],
      onDelete: "Cascade",
      backField: "profile",
    }),
  ],
  { titleField: "bio" },
);

/** Every scalar type, a required to-one, an optional to-one, a one-to-many and an implicit many-to-many. */
export const book = model(
  "Book",
  [
    autoId(),
    scalar("title", "String", { nativeType: ["VarChar", ["20"]] }),
    scalar("isbn", "String", { isRequired: false, isUnique: true }),
    scalar("pages", "Int", { isRequired: false }),
    scalar("rating", "Float", { isRequired: false }),
    scalar("price", "Decimal", { nativeType: ["Decimal", ["10", "2"]] }),
    scalar("stock", "BigInt", { hasDefault: true, default: { kind: "literal", value: "0" } }),
    scalar("inPrint", "Boolean", { hasDefault: true, default: { kind: "literal", value: true } }),
    scalar("publishedAt", "DateTime", { isRequired: false }),
    scalar("releaseDate", "DateTime", { isRequired: false, nativeType: ["Date", []] }),
    scalar("cover", "Bytes", { isRequired: false }),
    scalar("extra", "Json", { isRequired: false }),
    enumField("format", "Format", ["HARDCOVER", "PAPERBACK", "EBOOK"]),
    scalar("keywords", "String", { isList: true }),
    scalar("chapterPages", "Int", { isList: true }),
    scalar("search", "Unsupported", { isRequired: false, isReadOnly: true, unsupportedType: "tsvector" }),
    scalar("createdAt", "DateTime", { hasDefault: true, default: { kind: "now" } }),
    scalar("updatedAt", "DateTime", { isUpdatedAt: true, isReadOnly: true }),
    scalar("authorId", "Int", { isForeignKey: true }),
    relation("author", "Author", {
      name: "AuthorToBook",
      fromFields: ["authorId"],
      toFields: ["id"],
      onDelete: "Restrict",
      backField: "books",
    }),
    scalar("editorId", "Int", { isRequired: false, isForeignKey: true }),
    relation(
      "editor",
      "Author",
      { name: "BookEditor", fromFields: ["editorId"], toFields: ["id"], onDelete: "SetNull" },
      { isRequired: false },
    ),
    relation("tags", "Tag", { name: "BookToTag", toMany: true, isManyToMany: true, backField: "books" }),
    relation("orderItems", "OrderItem", { name: "BookToOrderItem", toMany: true, backField: "book" }),
  ],
  { titleField: "title", searchFields: ["title", "isbn"] },
);

export const tag = model(
  "Tag",
  [
    scalar("id", "String", { isId: true, isReadOnly: true, hasDefault: true, default: { kind: "cuid" } }),
    scalar("name", "String", { isUnique: true }),
    relation("books", "Book", { name: "BookToTag", toMany: true, isManyToMany: true, backField: "tags" }),
  ],
  { titleField: "name", searchFields: ["name"] },
);

/** A writable natural key. */
export const country = model(
  "Country",
  [scalar("isoCode", "String", { isId: true }), scalar("name", "String")],
  {
    titleField: "name",
  },
);

export const order = model(
  "Order",
  [
    scalar("id", "String", { isId: true, isReadOnly: true, hasDefault: true, default: { kind: "uuid" } }),
    scalar("placedAt", "DateTime"),
    relation("items", "OrderItem", { name: "OrderToOrderItem", toMany: true, backField: "order" }),
  ],
  { titleField: "id" },
);

/** Composite id made of two foreign keys. */
export const orderItem = model(
  "OrderItem",
  [
    scalar("orderId", "String", { isId: true, isForeignKey: true }),
    scalar("bookId", "Int", { isId: true, isForeignKey: true }),
    scalar("quantity", "Int", { hasDefault: true, default: { kind: "literal", value: 1 } }),
    relation("order", "Order", { name: "OrderToOrderItem", fromFields: ["orderId"], toFields: ["id"] }),
    relation("book", "Book", { name: "BookToOrderItem", fromFields: ["bookId"], toFields: ["id"] }),
    relation("shipments", "Shipment", { name: "OrderItemToShipment", toMany: true, backField: "item" }),
  ],
  { idSelectorName: "orderId_bookId", titleField: "orderId" },
);

/** Points at a record with a composite id, through a composite foreign key. */
export const shipment = model(
  "Shipment",
  [
    autoId(),
    scalar("carrier", "String"),
    scalar("itemOrderId", "String", { isRequired: false, isForeignKey: true }),
    scalar("itemBookId", "Int", { isRequired: false, isForeignKey: true }),
    relation(
      "item",
      "OrderItem",
      {
        name: "OrderItemToShipment",
        fromFields: ["itemOrderId", "itemBookId"],
        toFields: ["orderId", "bookId"],
      },
      { isRequired: false },
    ),
  ],
  { titleField: "carrier" },
);

export const schema: SchemaMeta = {
  provider: "postgresql",
  models: [author, profile, book, tag, country, order, orderItem, shipment],
  enums: [{ name: "Format", values: ["HARDCOVER", "PAPERBACK", "EBOOK"] }],
};

/** A one-field model whose id has the given type, for id codec tests. */
export function modelWithId(type: string, overrides: Partial<FieldMeta> = {}): ModelMeta {
  return model(`${type}Keyed`, [scalar("id", type, { isId: true, ...overrides }), scalar("name", "String")]);
}
