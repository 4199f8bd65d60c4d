import type { ModelMeta } from "@atrium/core";
import { autoId, model, relation, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { listColumns } from "../format/fieldKinds.js";
import { filterableFields } from "./filterableFields.js";

const order = model(
  "Order",
  [
    autoId(),
    scalar("number", "String"),
    scalar("placedAt", "DateTime"),
    scalar("notes", "String", { isRequired: false }),
    scalar("metadata", "Json", { isRequired: false }),
    scalar("customerId", "Int", { isForeignKey: true }),
    relation("customer", "Customer", {
      name: "CustomerToOrder",
      fromFields: ["customerId"],
      toFields: ["id"],
    }),
  ],
  { titleField: "number" },
);
const configured = (list: NonNullable<ModelMeta["admin"]>["list"]): ModelMeta => ({
  ...order,
  admin: { list },
});
const names = (fields: { name: string }[]) => fields.map((field) => field.name);

describe("the list's configured columns and filters", () => {
  it("shows the configured columns in their order, skipping those hidden from the user", () => {
    expect(names(listColumns(configured({ columns: ["placedAt", "customer", "number", "secret"] })))).toEqual(
      ["placedAt", "customer", "number"],
    );
    expect(names(listColumns(order))).toEqual(["number", "id", "placedAt", "notes", "customer"]);
  });

  it("offers the configured filters in their order, only those the list can filter", () => {
    expect(names(filterableFields(configured({ filters: ["customer", "placedAt", "metadata"] })))).toEqual([
      "customer",
      "placedAt",
    ]);
    expect(names(filterableFields(order))).toEqual(["number", "placedAt", "notes", "customer"]);
  });
});
