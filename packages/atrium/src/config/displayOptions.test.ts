/** `list.dateHierarchy` and `viewOnSite`: applied to the metadata, and their checks (E105, E106, E150, W150). */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { describe, expect, it } from "vitest";
import { checkModelsConfig } from "./checkModelsConfig.js";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const schema = await loadSchemaMetaFromFile(resolve(repository, "prisma/schema.prisma"));
const problems = (models: unknown) =>
  checkModelsConfig(models, schema).checks.map((check) => `${check.code} ${check.message}`);

describe("date drill-down and view on site options", () => {
  it("travel to the UI in the model's admin metadata", () => {
    const result = checkModelsConfig(
      {
        Order: { list: { dateHierarchy: "placedAt" } },
        Book: { viewOnSite: "https://bookstore.example/books/{isbn}" },
      },
      schema,
    );
    expect(result.checks).toEqual([]);
    expect(result.warnings).toEqual([]);
    const order = result.schema.models.find((model) => model.name === "Order");
    const book = result.schema.models.find((model) => model.name === "Book");
    expect(order?.admin?.list?.dateHierarchy).toBe("placedAt");
    expect(book?.admin?.viewOnSite).toBe("https://bookstore.example/books/{isbn}");
  });

  it("atrium.E105/E106: a drill-down field that does not exist, or is not a date", () => {
    expect(problems({ Order: { list: { dateHierarchy: "placedOn" } } })).toEqual([
      "atrium.E105 models.Order.list.dateHierarchy: 'placedOn' is not a field of Order; did you mean 'placedAt'?",
    ]);
    expect(problems({ Order: { list: { dateHierarchy: "status" } } })).toEqual([
      "atrium.E106 models.Order.list.dateHierarchy: Order.status cannot be drilled into by date: use a DateTime field.",
    ]);
  });

  it("atrium.W150: a drill-down field no index starts with", () => {
    const result = checkModelsConfig({ Book: { list: { dateHierarchy: "publishedOn" } } }, schema);
    expect(result.checks).toEqual([]);
    expect(result.warnings.map((warning) => `${warning.code} ${warning.message}`)).toEqual([
      "atrium.W150 models.Book.list.dateHierarchy: no index starts with Book.publishedOn, so on a list of more than unindexedSortLimit rows the date links cannot be shown; add @@index([publishedOn]) to Book.",
    ]);
  });

  it("list.editable: columns of the list edited in place; E105/E106 for what cannot be", () => {
    const accepted = checkModelsConfig(
      { Inventory: { list: { columns: ["edition", "quantity", "reorderLevel"], editable: ["quantity"] } } },
      schema,
    );
    expect(accepted.checks).toEqual([]);
    expect(accepted.schema.models.find((model) => model.name === "Inventory")?.admin?.list?.editable).toEqual(
      ["quantity"],
    );
    expect(
      problems({
        Inventory: {
          list: {
            columns: ["edition", "quantity"],
            editable: ["quantity", "reorderLevel", "edition", "updatedAt", "quantiy"],
          },
        },
      }),
    ).toEqual([
      "atrium.E106 models.Inventory.list.editable[1]: Inventory.reorderLevel is not one of list.columns; add it there to edit it in the list.",
      "atrium.E106 models.Inventory.list.editable[2]: Inventory.edition cannot be edited in the list (a relation is chosen on the form).",
      "atrium.E106 models.Inventory.list.editable[3]: Inventory.updatedAt is not one of list.columns; add it there to edit it in the list.",
      "atrium.E105 models.Inventory.list.editable[4]: 'quantiy' is not a field of Inventory; did you mean 'quantity'?",
    ]);
    expect(problems({ Order: { list: { editable: ["placedAt", "total"] } } })).toEqual([
      "atrium.E106 models.Order.list.editable[0]: Order.placedAt cannot be edited in the list (DateTime needs the form).",
    ]);
  });

  it("atrium.E150: a view-on-site link that is not http(s) or a path from the site's root", () => {
    for (const template of [
      "javascript:alert({id})",
      "//evil.example/{id}",
      "books/{id}",
      "data:text/html,{id}",
    ]) {
      expect(problems({ Book: { viewOnSite: template } })).toEqual([
        expect.stringMatching(
          /^atrium\.E150 models\.Book\.viewOnSite: '.*' must start with https:\/\/, http:\/\/ or a single \//,
        ),
      ]);
    }
    expect(problems({ Book: { viewOnSite: "/books/{id}" } })).toEqual([]);
  });

  it("atrium.E105/E106: a view-on-site placeholder that is not a field, or cannot be part of a URL", () => {
    expect(problems({ Book: { viewOnSite: "https://shop.example/{isnb}" } })).toEqual([
      "atrium.E105 models.Book.viewOnSite: '{isnb}' is not a field of Book; did you mean 'isbn'?",
    ]);
    expect(problems({ Book: { viewOnSite: "https://shop.example/{metadata}" } })).toEqual([
      "atrium.E106 models.Book.viewOnSite: Book.metadata cannot be part of a URL: use a text, number, date or enum field.",
    ]);
  });
});
