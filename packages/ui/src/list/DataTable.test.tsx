// @vitest-environment jsdom
import { type CellWidgetProps, createRegistry, type Row } from "@atrium/client";
import { model, scalar } from "@atrium/core/testing";
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { apiDouble, renderAdmin } from "../testing/renderAdmin.js";
import { DataTable } from "./DataTable.js";

const review = model(
  "Review",
  [scalar("id", "Int", { isId: true }), scalar("stars", "Int"), scalar("helpfulVotes", "Int")],
  { titleField: "id" },
);
const book = model("Book", [scalar("id", "Int", { isId: true }), scalar("stars", "Int")], {
  titleField: "id",
});

function Stars({ value }: CellWidgetProps) {
  const count = Number(value);
  return (
    <span role="img" aria-label={`${count} of 5 stars`}>
      {"★".repeat(count) + "☆".repeat(5 - count)}
    </span>
  );
}

function table(owner: typeof review, rows: Row[]) {
  const registry = createRegistry().registerWidget({
    kind: "cell",
    model: "Review",
    field: "stars",
    component: Stars,
  });
  renderAdmin(
    <DataTable
      model={owner}
      models={[review, book]}
      columns={owner.fields}
      rows={rows}
      sort={[]}
      onSort={() => {}}
      selected={new Set()}
      onSelect={() => {}}
    />,
    { api: apiDouble({}), registry },
  );
  return screen.getByRole("table");
}

afterEach(cleanup);

describe("DataTable with a cell widget", () => {
  it("shows the registered widget in that field's column only", () => {
    const rows = within(
      table(review, [{ $id: "1", $label: "1", id: 1, stars: 4, helpfulVotes: 3 }]),
    ).getAllByRole("row");
    const cells = within(rows[1] as HTMLElement).getAllByRole("cell");
    expect(cells[2]?.textContent).toBe("★★★★☆");
    expect(within(cells[2] as HTMLElement).getByLabelText("4 of 5 stars")).toBeTruthy();
    // Another Int column of the same model keeps the default number cell.
    expect(cells[3]?.textContent).toBe("3");
  });

  it("leaves a field of the same name on another model alone", () => {
    const rows = within(table(book, [{ $id: "7", $label: "7", id: 7, stars: 2 }])).getAllByRole("row");
    expect(within(rows[1] as HTMLElement).getAllByRole("cell")[2]?.textContent).toBe("2");
  });
});
