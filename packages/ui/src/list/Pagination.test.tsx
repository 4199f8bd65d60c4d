// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Pagination, type PaginationProps } from "./Pagination.js";

afterEach(cleanup);

function pager(props: Partial<PaginationProps>) {
  const calls: [number, string | undefined][] = [];
  render(
    <Pagination
      page={3}
      perPage={25}
      rowCount={25}
      total={1000}
      totalIsEstimate={false}
      nextCursor="after-3"
      prevCursor="before-3"
      onPage={(page, cursor) => calls.push([page, cursor])}
      onPerPage={() => {}}
      {...props}
    />,
  );
  return calls;
}

const click = (name: string) => fireEvent.click(screen.getByRole("button", { name }));

describe("Pagination", () => {
  it("steps to the next and previous page by the answer's cursors", () => {
    const calls = pager({});
    click("Next page");
    click("Previous page");
    expect(calls).toEqual([
      [4, "after-3"],
      [2, "before-3"],
    ]);
  });

  it("goes back to page 1 by its number, and offers numbers for the first pages only", () => {
    const calls = pager({ page: 2, prevCursor: "before-2" });
    click("Previous page");
    expect(screen.getAllByRole("button", { name: /^Page \d+$/ }).map((button) => button.textContent)).toEqual(
      ["1", "2", "3", "4", "5"],
    );
    expect(screen.getByRole("button", { name: "Page 2" })).toHaveProperty("disabled", true);
    click("Page 4");
    expect(calls).toEqual([
      [1, undefined],
      [4, undefined],
    ]);
  });

  it("has no next page when the answer has no next cursor, whatever the total says", () => {
    pager({ nextCursor: null, total: 5000, totalIsEstimate: true });
    expect(screen.getByRole("button", { name: "Next page" })).toHaveProperty("disabled", true);
  });
});
