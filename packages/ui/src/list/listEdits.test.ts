import { ApiError } from "@atrium/client";
import type { FieldMeta } from "@atrium/core";
import { scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { cellErrors, changedRows, wireOf } from "./listEdits.js";

const quantity = scalar("quantity", "Int") as FieldMeta;
const note = scalar("note", "String", { isRequired: false }) as FieldMeta;
const price = scalar("price", "Decimal") as FieldMeta;
const active = scalar("active", "Boolean") as FieldMeta;

describe("list edits", () => {
  it("sends numbers as numbers, decimals as typed, booleans as booleans, an emptied optional field as null", () => {
    expect(wireOf(quantity, " 12 ")).toBe(12);
    expect(wireOf(quantity, "twelve")).toBe("twelve");
    expect(wireOf(price, "10.50")).toBe("10.50");
    expect(wireOf(active, "false")).toBe(false);
    expect(wireOf(note, "")).toBeNull();
  });

  it("sends only the rows and cells that changed, each with the $version it was edited from", () => {
    const rows = [
      { $id: "1", $label: "A", $version: "v1", quantity: 5, note: null },
      { $id: "2", $label: "B", $version: "v2", quantity: 7, note: "x" },
      { $id: "3", $label: "C", $version: "v3", quantity: 9, note: null },
    ];
    const drafts = { "1": { quantity: "6", note: "" }, "2": { quantity: "7" }, "3": { note: "new" } };
    expect(changedRows(drafts, rows, [quantity, note])).toEqual([
      { $id: "1", values: { quantity: 6, $version: "v1" } },
      { $id: "3", values: { note: "new", $version: "v3" } },
    ]);
  });

  it("puts a refusal's messages on the cells it names, and a conflict on its row", () => {
    const sent = [{ $id: "1" }, { $id: "3" }];
    const invalid = new ApiError(422, "validation_failed", "Row 2: Quantity", {
      fields: { "rows.1.quantity": "Expected a whole number" },
    });
    expect(cellErrors(invalid, sent, [quantity])).toEqual({ "3": { quantity: "Expected a whole number" } });
    const stale = new ApiError(409, "conflict", "Row 1: changed", { details: { row: 0, current: {} } });
    expect(cellErrors(stale, sent, [quantity])["1"]?.quantity).toMatch(/Changed by someone else/);
  });
});
