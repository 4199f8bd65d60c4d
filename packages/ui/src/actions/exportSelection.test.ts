import { model, relation, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { exportSelection } from "./exportSelection.js";

const order = model("Order", [
  scalar("number", "String"),
  scalar("note", "String"),
  relation("customer", "Customer", { name: "CustomerToOrder", fromFields: ["customerId"], toFields: ["id"] }),
]);
const rows = [
  { $id: "1", $label: "A", number: "A-1", note: 'said "hi", left', customer: { $id: "7", $label: "Ada" } },
];

describe("exportSelection", () => {
  it("writes the selected rows' columns as CSV, quoting what needs it and labelling relations", () => {
    const file = exportSelection(order, order.fields, rows, "csv");
    expect(file.fileName).toBe("order-selection.csv");
    expect(file.text.split("\r\n")).toEqual(["$id,Number,Note,Customer", '1,A-1,"said ""hi"", left",Ada']);
  });

  it("writes JSON with the same values", () => {
    const file = exportSelection(order, order.fields, rows, "json");
    expect(JSON.parse(file.text)).toEqual([
      { $id: "1", number: "A-1", note: 'said "hi", left', customer: "Ada" },
    ]);
  });
});
