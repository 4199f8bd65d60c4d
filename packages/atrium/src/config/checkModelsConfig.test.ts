import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SchemaMeta } from "@atrium/core";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import demoConfig from "../../../../atrium.config.js";
import { checkModelsConfig } from "./checkModelsConfig.js";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
let schema: SchemaMeta;

beforeAll(async () => {
  schema = await loadSchemaMetaFromFile(resolve(repository, "prisma/schema.prisma"));
});

/** Each problem as it is printed: code, then message. */
function problems(models: unknown): string[] {
  return checkModelsConfig(models, schema).checks.map((check) => `${check.code} ${check.message}`);
}

describe("checkModelsConfig", () => {
  it("accepts no models key, and the demo's own options", () => {
    expect(problems(undefined)).toEqual([]);
    expect(checkModelsConfig(undefined, schema).schema).toBe(schema);
    const demo = checkModelsConfig(demoConfig.models, schema);
    expect(demo.checks).toEqual([]);
    expect(demo.warnings).toEqual([]);
  });

  it("accepts every option at once", () => {
    const result = checkModelsConfig(
      {
        Book: {
          label: "Title",
          pluralLabel: "Titles",
          fieldLabels: { isbn: "ISBN-13", publishedOn: "First published" },
          titleField: "subtitle",
          list: {
            columns: ["title", "author", "reviews"],
            search: ["title", "author.name", "publisher.name"],
            filters: ["inPrint", "author", "tags"],
            ordering: ["-publishedOn", "author.name"],
            perPage: 50,
            perPageChoices: [50, 100],
          },
          form: {
            readOnly: ["rating", "publisher"],
            fieldsets: [
              { title: "Book", fields: ["title", "subtitle"] },
              { title: "More", description: "Rarely changed", collapsed: true, fields: ["metadata"] },
            ],
            help: { title: "As printed on the cover" },
            placeholder: { subtitle: "A subtitle" },
          },
          actions: { delete: false },
        },
        Award: { hidden: true },
        Order: { list: { ordering: "-placedAt" } },
      },
      schema,
    );
    expect(result.checks).toEqual([]);
  });

  it("atrium.E101: models, a model's options or a section that is not an object", () => {
    expect(problems(["Book"])).toEqual([
      'atrium.E101 models: expected an object such as { Book: { list: { columns: ["title"] } } }, got ["Book"].',
    ]);
    expect(problems({ Book: { list: "title" } })).toEqual([
      'atrium.E101 models.Book.list: expected an object, got "title".',
    ]);
  });

  it("atrium.E102: an unknown model, with the nearest name", () => {
    expect(problems({ Boook: { label: "Book" } })).toEqual([
      "atrium.E102 models.Boook: 'Boook' is not a model of the schema; did you mean 'Book'?",
    ]);
  });

  it("atrium.E103: an unknown option, with the nearest one or the list of options", () => {
    expect(problems({ Book: { list: { colums: ["title"] }, lable: "Title" } })).toEqual([
      "atrium.E103 models.Book.lable: unknown option 'lable'; did you mean 'label'?",
      "atrium.E103 models.Book.list.colums: unknown option 'colums'; did you mean 'columns'?",
    ]);
    expect(problems({ Book: { actions: { export: true } } })).toEqual([
      "atrium.E103 models.Book.actions.export: unknown option 'export'. Options here: add, change, delete.",
    ]);
  });

  it("atrium.E104: a value of the wrong type", () => {
    expect(
      problems({
        Book: {
          label: "",
          fieldLabels: { title: 7 },
          hidden: "yes",
          list: { perPage: 500, columns: "title", perPageChoices: [10, 0] },
          form: { fieldsets: [{ fields: ["title"] }] },
        },
      }),
    ).toEqual([
      'atrium.E104 models.Book.label: expected a non-empty text, got "".',
      "atrium.E104 models.Book.fieldLabels.title: expected a non-empty text, got 7.",
      'atrium.E104 models.Book.hidden: expected true or false, got "yes".',
      'atrium.E104 models.Book.list.columns: expected a list of field names, e.g. ["title"], got "title".',
      "atrium.E104 models.Book.list.perPage: expected a whole number of rows from 1 to 200, got 500.",
      "atrium.E104 models.Book.list.perPageChoices[1]: expected a whole number of rows from 1 to 200, got 0.",
      "atrium.E104 models.Book.form.fieldsets[0].title: expected a non-empty text, got undefined.",
    ]);
  });

  it("atrium.E105: a field that is not one of the model's, with the nearest name, in every option", () => {
    expect(
      problems({
        Book: {
          titleField: "titel",
          fieldLabels: { isbm: "ISBN-13" },
          list: {
            columns: ["title", "author", "titel"],
            search: ["author.nmae"],
            ordering: ["-publishedon"],
          },
          form: {
            readOnly: ["ratting"],
            fieldsets: [{ title: "Main", fields: ["subtitel"] }],
            help: { isbm: "x" },
          },
        },
      }),
    ).toEqual([
      "atrium.E105 models.Book.titleField: 'titel' is not a field of Book; did you mean 'title'?",
      "atrium.E116 models.Book.list.columns[2]: 'titel' is neither a field of Book nor a column of list.computed; did you mean 'title'?",
      "atrium.E105 models.Book.list.search[0]: 'nmae' is not a field of Author; did you mean 'name'?",
      "atrium.E105 models.Book.list.ordering[0]: 'publishedon' is not a field of Book; did you mean 'publishedOn'?",
      "atrium.E105 models.Book.form.readOnly[0]: 'ratting' is not a field of Book; did you mean 'rating'?",
      "atrium.E105 models.Book.form.fieldsets[0].fields[0]: 'subtitel' is not a field of Book; did you mean 'subtitle'?",
      "atrium.E105 models.Book.form.help.isbm: 'isbm' is not a field of Book; did you mean 'isbn'?",
      "atrium.E105 models.Book.fieldLabels.isbm: 'isbm' is not a field of Book; did you mean 'isbn'?",
    ]);
  });

  it("atrium.E106: a field that cannot serve its option", () => {
    expect(
      problems({
        Book: {
          titleField: "author",
          list: {
            search: ["pageCount", "reviews.body"],
            filters: ["metadata", "reviews"],
            ordering: ["author", "metadata"],
          },
          form: { fieldsets: [{ title: "Main", fields: ["authorId", "editions"] }] },
        },
      }),
    ).toEqual([
      "atrium.E106 models.Book.titleField: Book.author cannot label records: use a text, number, date or enum field.",
      "atrium.E106 models.Book.list.search[0]: Book.pageCount cannot be searched: search looks in text (String) fields only.",
      "atrium.E106 models.Book.list.search[1]: Book.reviews is a to-many relation: paths go through to-one relations only.",
      "atrium.E106 models.Book.list.filters[0]: Book.metadata cannot be filtered in the list (Json has no filter).",
      "atrium.E106 models.Book.list.filters[1]: Book.reviews cannot be filtered in the list (a one-to-many relation; filter the other model by its relation instead).",
      "atrium.E106 models.Book.list.ordering[0]: Book.author cannot sort the list: it is a relation; sort by a field of it, e.g. 'author.name'.",
      "atrium.E106 models.Book.list.ordering[1]: Book.metadata cannot sort the list: Json has no order.",
      "atrium.E106 models.Book.form.fieldsets[0].fields[0]: Book.authorId is edited through its relation 'author'; name 'author' instead.",
      "atrium.E106 models.Book.form.fieldsets[0].fields[1]: Book.editions is not on forms (a one-to-many relation is set from the other model).",
    ]);
  });

  it("atrium.E107: the same field twice in one list, or in two fieldsets", () => {
    expect(
      problems({
        Order: {
          list: { columns: ["number", "number"], ordering: ["placedAt", "-placedAt"] },
          form: {
            fieldsets: [
              { title: "Order", fields: ["number", "status"] },
              { title: "Shipping", fields: ["status"] },
            ],
          },
        },
      }),
    ).toEqual([
      "atrium.E107 models.Order.list.columns: 'number' is named twice; keep one.",
      "atrium.E107 models.Order.list.ordering: 'placedAt' is named twice; keep one.",
      "atrium.E107 models.Order.form.fieldsets: 'status' is named twice; keep one.",
    ]);
  });

  it("atrium.E108: a page size that is not among the choices", () => {
    expect(problems({ Order: { list: { perPage: 30, perPageChoices: [20, 50] } } })).toEqual([
      "atrium.E108 models.Order.list.perPage: 30 is not one of list.perPageChoices [20, 50]; add it to the choices or choose one of them.",
    ]);
    expect(problems({ Order: { list: { perPageChoices: [20, 50] } } })).toEqual([
      "atrium.E108 models.Order.list.perPage: 25 (the default) is not one of list.perPageChoices [20, 50]; add it to the choices or choose one of them.",
    ]);
  });

  it("atrium.E109: a read-only field that every create needs, unless adding is turned off", () => {
    expect(problems({ Order: { form: { readOnly: ["number", "customerId", "total"] } } })).toEqual([
      "atrium.E109 models.Order.form.readOnly: 'number' is required and has no default, so nobody could create Order records; leave it editable, give it a default, or set actions.add to false.",
      "atrium.E109 models.Order.form.readOnly: 'customerId' is required and has no default, so nobody could create Order records; leave it editable, give it a default, or set actions.add to false.",
    ]);
    expect(problems({ Order: { form: { readOnly: ["number"] }, actions: { add: false } } })).toEqual([]);
  });

  it("atrium.W101: a required relation to a hidden model, on a model that can be added (schema order)", () => {
    const result = checkModelsConfig(
      { Customer: { hidden: true }, Review: { actions: { add: false } } },
      schema,
    );
    expect(result.checks).toEqual([]);
    expect(result.warnings.map((warning) => `${warning.code} ${warning.message}`)).toEqual([
      "atrium.W101 models.Customer.hidden: CustomerProfile.customer is a required relation to Customer, which the admin leaves out, so its picker offers nothing and CustomerProfile records cannot be created in the admin; show Customer, or set models.CustomerProfile.actions.add to false.",
      "atrium.W101 models.Customer.hidden: Address.customer is a required relation to Customer, which the admin leaves out, so its picker offers nothing and Address records cannot be created in the admin; show Customer, or set models.Address.actions.add to false.",
      "atrium.W101 models.Customer.hidden: Order.customer is a required relation to Customer, which the admin leaves out, so its picker offers nothing and Order records cannot be created in the admin; show Customer, or set models.Order.actions.add to false.",
    ]);
  });

  it("lists every problem of every model, and applies nothing while there are any", () => {
    const result = checkModelsConfig(
      { Book: { label: "" }, Order: { list: { columns: ["nubmer"] } } },
      schema,
    );
    expect(result.checks.map((check) => check.code)).toEqual(["atrium.E104", "atrium.E116"]);
    expect(result.schema).toBe(schema);
  });
});
