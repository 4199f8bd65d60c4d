import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findModelByName, type ModelMeta, type SchemaMeta } from "@atrium/core";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import { checkModelsConfig } from "./checkModelsConfig.js";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
let schema: SchemaMeta;

beforeAll(async () => {
  schema = await loadSchemaMetaFromFile(resolve(repository, "prisma/schema.prisma"));
});

function configured(models: unknown, name: string): ModelMeta {
  const result = checkModelsConfig(models, schema);
  expect(result.checks).toEqual([]);
  const model = findModelByName(result.schema, name);
  if (!model) throw new Error(`no ${name}`);
  return model;
}

const field = (model: ModelMeta, name: string) => model.fields.find((each) => each.name === name);

describe("applyModelOptions", () => {
  it("leaves models without options exactly as they were", () => {
    const result = checkModelsConfig({ Book: { label: "Title" } }, schema);
    expect(findModelByName(result.schema, "Order")).toBe(findModelByName(schema, "Order"));
    expect(findModelByName(result.schema, "Book")?.admin).toBeUndefined();
  });

  it("sets labels, the title field (dropping title parts) and the search fields", () => {
    const item = configured(
      {
        OrderItem: {
          label: "Line",
          pluralLabel: "Lines",
          titleField: "editionId",
          list: { search: ["book.title"] },
        },
      },
      "OrderItem",
    );
    expect(item).toMatchObject({ label: "Line", labelPlural: "Lines", titleField: "editionId" });
    expect(item.titleParts).toBeUndefined();
    expect(item.searchFields).toEqual(["book.title"]);
  });

  it("renames fields where the admin names them, keeping the others' labels", () => {
    const book = configured(
      { Book: { fieldLabels: { isbn: "ISBN-13", publishedOn: "First published" } } },
      "Book",
    );
    expect(field(book, "isbn")?.label).toBe("ISBN-13");
    expect(field(book, "publishedOn")?.label).toBe("First published");
    expect(field(book, "pageCount")?.label).toBe("Page count");
  });

  it("overrides help and placeholders, and makes a relation read-only together with its key", () => {
    const book = configured(
      {
        Book: {
          form: {
            readOnly: ["publisherId", "rating"],
            help: { title: "As printed" },
            placeholder: { subtitle: "e.g. A novel" },
          },
        },
      },
      "Book",
    );
    expect(field(book, "title")?.help).toBe("As printed");
    expect(field(book, "subtitle")?.placeholder).toBe("e.g. A novel");
    expect(field(book, "rating")?.isReadOnly).toBe(true);
    expect(field(book, "publisherId")?.isReadOnly).toBe(true);
    expect(field(book, "publisher")?.isReadOnly).toBe(true);
    expect(field(book, "title")?.isReadOnly).toBe(false);
  });

  it("carries the rest in admin: hidden, actions (all three once one is given), list and fieldsets", () => {
    const order = configured(
      {
        Order: {
          hidden: true,
          actions: { delete: false },
          list: {
            columns: ["number"],
            filters: ["status"],
            ordering: "-placedAt",
            perPage: 50,
            perPageChoices: [100, 50],
          },
          form: { fieldsets: [{ title: "Order", collapsed: true, fields: ["number"] }] },
        },
      },
      "Order",
    );
    expect(order.admin).toEqual({
      hidden: true,
      actions: { add: true, change: true, delete: false },
      list: {
        columns: ["number"],
        filters: ["status"],
        ordering: ["-placedAt"],
        perPage: 50,
        perPageChoices: [50, 100],
      },
      form: { fieldsets: [{ title: "Order", collapsed: true, fields: ["number"] }] },
    });
  });
});
