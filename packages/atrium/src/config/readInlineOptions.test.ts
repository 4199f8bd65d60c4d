import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SchemaMeta } from "@atrium/core";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import { checkModelsConfig } from "./checkModelsConfig.js";
import { readInlineOptions } from "./readInlineOptions.js";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
let schema: SchemaMeta;

beforeAll(async () => {
  schema = await loadSchemaMetaFromFile(resolve(repository, "prisma/schema.prisma"));
});

function problems(inlines: unknown): string[] {
  return checkModelsConfig({ Order: { inlines } }, schema).checks.map(
    (check) => `${check.code} ${check.message}`,
  );
}

function order() {
  const model = schema.models.find((candidate) => candidate.name === "Order");
  if (!model) throw new Error("the demo schema has an Order model");
  return model;
}

describe("models.<Parent>.inlines", () => {
  it("accepts every option and fills in the defaults", () => {
    expect(
      problems([
        {
          relation: "items",
          fields: ["book", "quantity"],
          ordering: ["-quantity"],
          style: "stacked",
          min: 1,
          max: 10,
          label: "Lines",
        },
      ]),
    ).toEqual([]);
    const read = readInlineOptions(schema, order(), "models.Order", { inlines: [{ relation: "items" }] });
    expect(read.inlines).toHaveLength(1);
    const [items] = read.inlines;
    expect(items).toMatchObject({
      model: "OrderItem",
      foreignKey: ["orderId"],
      style: "table",
      min: 0,
      max: 50,
    });
    expect(items?.fields).toContain("quantity");
    expect(items?.fields).not.toContain("orderId");
    expect(items?.fields).not.toContain("order");
  });

  it("E120: inlines is not a list of objects", () => {
    expect(problems({ relation: "items" })).toEqual([
      `atrium.E120 models.Order.inlines: expected a list of inlines, got {"relation":"items"}.`,
    ]);
  });

  it("E121: an unknown option, with the nearest", () => {
    expect(problems([{ relation: "items", stlye: "table" }])).toEqual([
      "atrium.E121 models.Order.inlines[0].stlye: unknown option 'stlye'; did you mean 'style'?",
    ]);
  });

  it("E122: not a 1-n relation of the parent, with the nearest", () => {
    expect(problems([{ relation: "itmes" }])).toEqual([
      `atrium.E122 models.Order.inlines[0].relation: "itmes" is not a 1-n relation of Order; did you mean 'items'?`,
    ]);
  });

  it("E123: two inlines of one relation", () => {
    expect(problems([{ relation: "items" }, { relation: "items" }])).toEqual([
      "atrium.E123 models.Order.inlines[1].relation: 'items' has another inline of Order; one inline per relation.",
    ]);
  });

  it("E124: a field that is not the child's, or the foreign key to the parent", () => {
    expect(problems([{ relation: "items", fields: ["quantiy", "orderId"] }])).toEqual([
      "atrium.E124 models.Order.inlines[0].fields[0]: \"quantiy\" is not a field of OrderItem; did you mean 'quantity'?",
      "atrium.E124 models.Order.inlines[0].fields[1]: 'orderId' links each row to its parent; the server sets it, so leave it out.",
    ]);
  });

  it("E125: a style other than table or stacked, with the nearest", () => {
    expect(problems([{ relation: "items", style: "stacke" }])).toEqual([
      `atrium.E125 models.Order.inlines[0].style: "stacke" is not an inline style; did you mean 'stacked'?`,
    ]);
  });

  it("E126: min and max are not whole numbers, or max is below min", () => {
    expect(problems([{ relation: "items", min: -1 }])).toEqual([
      "atrium.E126 models.Order.inlines[0].min: expected a whole number of rows, 0 or more, got -1.",
    ]);
    expect(problems([{ relation: "items", min: 3, max: 2 }])).toEqual([
      "atrium.E126 models.Order.inlines[0].max: expected at least 1 and at least min (3), got 2.",
    ]);
  });

  it("E127: an empty label", () => {
    expect(problems([{ relation: "items", label: " " }])).toEqual([
      `atrium.E127 models.Order.inlines[0].label: expected a non-empty text, got " ".`,
    ]);
  });

  it("W120: the child model is hidden", () => {
    const result = checkModelsConfig(
      { OrderItem: { hidden: true }, Order: { inlines: [{ relation: "items" }] } },
      schema,
    );
    expect(result.checks).toEqual([]);
    expect(result.warnings.map((warning) => warning.code)).toContain("atrium.W120");
  });
});
