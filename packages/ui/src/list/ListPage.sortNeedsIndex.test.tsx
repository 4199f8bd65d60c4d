// @vitest-environment jsdom
import { ApiError, type ListResponse } from "@atrium/client";
import { model, scalar } from "@atrium/core/testing";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { apiDouble, renderAdmin } from "../testing/renderAdmin.js";
import { ListPage } from "./ListPage.js";

const order = model(
  "Order",
  [
    scalar("id", "Int", { isId: true }),
    scalar("number", "String", { isUnique: true }),
    scalar("total", "Decimal"),
  ],
  { titleField: "number", indexes: [{ fields: ["id"], kind: "id" }] },
);
const meta = { provider: "sqlite" as const, models: [order], enums: [] };
const refusal = "Sorting orders by Total needs an index on a list this size (about 1,000,000 rows)";

function page(sortNeedsIndex: boolean): ListResponse {
  return {
    data: [{ $id: "1", $label: "BK-1", id: 1, number: "BK-1", total: "9.50" }],
    total: 1_000_000,
    totalIsEstimate: true,
    page: 1,
    perPage: 25,
    nextCursor: null,
    prevCursor: null,
    sortNeedsIndex,
  };
}

function open(url: string, sortNeedsIndex: boolean, asked: string[] = []) {
  renderAdmin(<ListPage />, {
    path: "/m/:modelKey",
    url,
    api: apiDouble({
      meta: async () => meta,
      // The page's Export links are built from the list's state; nothing is downloaded here.
      exchange: {
        exportUrl: (key, format) => `/api/export/${key}?format=${format}`,
        dryRun: async () => Promise.reject(new Error("no import in this test")),
        commit: async () => Promise.reject(new Error("no import in this test")),
      },
      list: async (_key, params) => {
        asked.push(params.get("sort") ?? "");
        if (params.get("sort") === "-total") throw new ApiError(400, "sort_needs_index", refusal);
        return page(sortNeedsIndex);
      },
    }),
  });
}

afterEach(cleanup);

describe("a list too big to sort without an index", () => {
  it("offers only the sorts an index serves as column buttons", async () => {
    open("/m/order", true);
    const table = await screen.findByRole("table", { name: "Orders" });
    await waitFor(() => expect(table.getAttribute("aria-busy")).toBe("false"));
    expect(within(table).getByRole("button", { name: "Number" })).toBeTruthy();
    expect(within(table).queryByRole("button", { name: "Total" })).toBeNull();
    expect(within(table).getByRole("columnheader", { name: "Total" })).toBeTruthy();
  });

  it("offers every sortable column while the list is small enough", async () => {
    open("/m/order", false);
    const table = await screen.findByRole("table", { name: "Orders" });
    await waitFor(() => expect(table.getAttribute("aria-busy")).toBe("false"));
    expect(within(table).getByRole("button", { name: "Total" })).toBeTruthy();
  });

  it("shows a refused sort's message in the list and goes back to the default order", async () => {
    const asked: string[] = [];
    open("/m/order?sort=-total", true, asked);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(refusal);
    fireEvent.click(within(alert).getByRole("button", { name: "Back to the default order" }));
    await screen.findByRole("table", { name: "Orders" });
    await waitFor(() => expect(asked.at(-1)).toBe(""));
  });
});
