// @vitest-environment jsdom
import { createRegistry, type Row } from "@atrium/client";
import type { ComputedColumnMeta } from "@atrium/core";
import { model, scalar } from "@atrium/core/testing";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { apiDouble, renderAdmin } from "../testing/renderAdmin.js";
import { DataTable } from "./DataTable.js";
import { listCells } from "./listCells.js";

const computed: ComputedColumnMeta[] = [
  {
    kind: "aggregate",
    name: "reviewCount",
    label: "Reviews",
    aggregate: "count",
    relation: "reviews",
    sortable: true,
  },
  {
    kind: "aggregate",
    name: "averageStars",
    label: "Avg. stars",
    aggregate: "average",
    relation: "reviews",
    field: "stars",
    sortable: false,
  },
  { kind: "value", name: "shouted", label: "Shouted", sortable: false },
];
const book = model("Book", [scalar("id", "Int", { isId: true }), scalar("title", "String")], {
  titleField: "title",
  admin: { list: { columns: ["title", "reviewCount", "averageStars", "shouted"], computed } },
});

function table(rows: Row[], sorted: string[] = []) {
  renderAdmin(
    <DataTable
      model={book}
      models={[book]}
      columns={listCells(book)}
      rows={rows}
      sort={[]}
      onSort={(field) => sorted.push(field)}
      selected={new Set()}
      onSelect={() => {}}
    />,
    { api: apiDouble({}), registry: createRegistry() },
  );
  return screen.getByRole("table");
}

afterEach(cleanup);

describe("DataTable with computed columns", () => {
  it("shows each computed column under its label, in the configured order, numbers to the right", () => {
    const rows = within(
      table([
        {
          $id: "1",
          $label: "Dune",
          title: "Dune",
          $computed: { reviewCount: 3, averageStars: 4.333333, shouted: "DUNE" },
        },
      ]),
    ).getAllByRole("row");
    const headers = within(rows[0] as HTMLElement).getAllByRole("columnheader");
    expect(headers.map((header) => header.textContent)).toEqual([
      "",
      "Title",
      "Reviews",
      "Avg. stars",
      "Shouted",
    ]);
    const cells = within(rows[1] as HTMLElement).getAllByRole("cell");
    expect(cells.slice(1).map((cell) => cell.textContent)).toEqual(["Dune", "3", "4.33", "DUNE"]);
    expect(cells[2]?.className).toBe("cell-number");
    expect(cells[4]?.className).toBe("");
  });

  it("offers sorting by a count only, and shows a failed value as a sign that says why", () => {
    const sorted: string[] = [];
    const element = table(
      [
        {
          $id: "1",
          $label: "Dune",
          title: "Dune",
          $computed: { reviewCount: 0, averageStars: null, shouted: null },
          $computedErrors: { shouted: "Shouted: no memo to shout" },
        },
      ],
      sorted,
    );
    fireEvent.click(within(element).getByRole("button", { name: "Reviews" }));
    expect(sorted).toEqual(["reviewCount"]);
    expect(within(element).queryByRole("button", { name: "Avg. stars" })).toBeNull();
    expect(within(element).queryByRole("button", { name: "Shouted" })).toBeNull();
    expect(
      within(element).getByRole("img", { name: "Not computed: Shouted: no memo to shout" }),
    ).toBeTruthy();
    const cells = within(within(element).getAllByRole("row")[1] as HTMLElement).getAllByRole("cell");
    expect(cells[3]?.textContent).toBe("—");
  });
});
