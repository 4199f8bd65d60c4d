import { fileURLToPath } from "node:url";
import type { ModelMeta, SchemaMeta } from "@atrium/core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSchemaMeta, loadSchemaMetaFromFile } from "./loadSchemaMeta.js";

const demoSchemaPath = fileURLToPath(new URL("../../../../prisma/schema.prisma", import.meta.url));

function model(schema: SchemaMeta, name: string): ModelMeta {
  const found = schema.models.find((item) => item.name === name);
  if (!found) throw new Error(`no model ${name}`);
  return found;
}

describe("derived labels of the demo schema", () => {
  let schema: SchemaMeta;
  beforeAll(async () => {
    schema = await loadSchemaMetaFromFile(demoSchemaPath);
  });

  it("labels an order line by its order and book, and searches both", () => {
    expect(model(schema, "OrderItem")).toMatchObject({
      titleField: "orderId",
      titleParts: ["order", "book"],
      searchFields: ["order.number", "book.title"],
    });
  });

  it("labels an edition by its book and format, not by its default currency", () => {
    expect(model(schema, "Edition")).toMatchObject({
      titleField: "bookId",
      titleParts: ["book", "format"],
      searchFields: ["book.title"],
    });
  });

  it("labels a one-to-one profile by its customer", () => {
    expect(model(schema, "CustomerProfile")).toMatchObject({
      titleField: "customerId",
      titleParts: ["customer"],
      searchFields: ["customer.email", "customer.firstName", "customer.lastName"],
    });
  });

  it("labels stock by edition and warehouse, searching through the edition's book", () => {
    expect(model(schema, "Inventory")).toMatchObject({
      titleField: "editionId",
      titleParts: ["edition", "warehouse"],
      searchFields: ["edition.book.title", "warehouse.name", "warehouse.code"],
    });
  });

  it("labels a rate by its currency and day", () => {
    expect(model(schema, "ExchangeRate")).toMatchObject({
      titleField: "currency",
      titleParts: ["currency", "day"],
      searchFields: ["currency"],
    });
  });

  it("keeps natural titles as they were", () => {
    const titles = Object.fromEntries(
      schema.models.filter((item) => !item.titleParts).map((item) => [item.name, item.titleField]),
    );
    expect(titles).toEqual({
      Author: "name",
      Publisher: "name",
      Book: "title",
      Tag: "name",
      Category: "name",
      Customer: "email",
      Address: "label",
      Order: "number",
      Review: "title",
      Staff: "name",
      Warehouse: "name",
      BookTranslation: "title",
      Award: "name",
      Setting: "key",
    });
  });
});

const sqlite = 'datasource db {\n  provider = "sqlite"\n}\n';

describe("chooseTitle", () => {
  it("takes plain text over derived parts, unless it is a code with a short default", () => {
    const schema = loadSchemaMeta(`${sqlite}
model Note {
  id     Int    @id @default(autoincrement())
  lang   String @default("en")
  body   String
}
model Price {
  id       Int    @id @default(autoincrement())
  currency String
  sku      Int    @unique
}`);
    expect(model(schema, "Note")).toMatchObject({ titleField: "body" });
    expect(model(schema, "Note").titleParts).toBeUndefined();
    // A single non-text key is the label as it is: no parts needed.
    expect(model(schema, "Price")).toMatchObject({ titleField: "sku" });
    expect(model(schema, "Price").titleParts).toBeUndefined();
  });

  it("skips optional uniques and falls back to the id when nothing identifies the record", () => {
    const schema = loadSchemaMeta(`${sqlite}
model Token {
  id     String  @id @default(uuid())
  secret String? @unique
  hits   Int
}`);
    expect(model(schema, "Token")).toMatchObject({ titleField: "id" });
    expect(model(schema, "Token").titleParts).toBeUndefined();
  });

  it("turns a composite foreign key into one relation part", () => {
    const schema = loadSchemaMeta(`${sqlite}
model Flight {
  number String
  day    DateTime
  name   String
  seats  Seat[]
  @@id([number, day])
}
model Seat {
  flightNumber String
  flightDay    DateTime
  row          Int
  flight       Flight @relation(fields: [flightNumber, flightDay], references: [number, day])
  @@id([flightNumber, flightDay, row])
}`);
    expect(model(schema, "Seat")).toMatchObject({
      titleField: "flightNumber",
      titleParts: ["flight", "row"],
      searchFields: ["flight.name"],
    });
  });
});
