// @vitest-environment jsdom
import { model, relation, scalar } from "@atrium/core/testing";
import { cleanup, render } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { CellValue } from "./CellValue.js";

const customer = model("Customer", [scalar("id", "Int", { isId: true }), scalar("email", "String")], {
  titleField: "email",
});
const field = relation("customer", "Customer", { name: "CustomerToOrder", fromFields: ["customerId"] });
const ref = { $id: "42", $label: "42" };

function cell(models: (typeof customer)[], full = false) {
  return render(
    <MemoryRouter>
      <CellValue field={field} value={ref} models={models} full={full} />
    </MemoryRouter>,
  ).container;
}

afterEach(cleanup);

describe("CellValue of a relation", () => {
  it("links a related record the user may view, by its label", () => {
    const shown = cell([customer]);
    expect(shown.querySelector("a")?.getAttribute("href")).toBe("/m/customer/42");
  });

  it("shows the id of a record of a model the user may not view, says why, and links nowhere", () => {
    for (const full of [false, true]) {
      const shown = cell([], full);
      expect(shown.querySelector("a")).toBeNull();
      expect(shown.textContent).toBe("42 (not visible to you)");
    }
    // In lists the reason is spoken and hovered rather than repeated in every row.
    expect(cell([]).querySelector(".sr-only")?.textContent).toBe(" (not visible to you)");
    expect(cell([], true).querySelector(".faint")?.textContent).toBe(" (not visible to you)");
  });
});
