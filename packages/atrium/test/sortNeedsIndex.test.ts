/**
 * Sorts on a big list: with `unindexedSortLimit` set below the demo's order count, a sort no index serves is
 * refused with the index to add (400 `sort_needs_index`) before any page query runs, while the default sort,
 * sorts led by an indexed field, and any sort of a list filtered below the limit still answer; a search of a
 * table past the limit matches by prefix where an index serves that (search.mode "auto").
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import type { TestApi } from "./openTestApi.js";
import { openDemoApi } from "./schemaPaths.js";

const limit = 5;
let api: TestApi;
beforeAll(async () => {
  api = await openDemoApi({ dataSource: { unindexedSortLimit: limit } });
});
afterAll(async () => {
  await api?.close();
});

describe("sorting a list bigger than unindexedSortLimit", () => {
  it("refuses a sort on a column without an index, naming the index to add", async () => {
    const orders: number = await api.client.order.count();
    expect(orders).toBeGreaterThan(limit);
    api.queries.reset();
    const response = await api.get("/api/records/order?sort=-total");
    // Not expectApiError: its check for leaked internals refuses the word "Prisma", which this hint needs.
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("sort_needs_index");
    expect(response.body.error.fields).toEqual({ sort: "needs an index at this size" });
    expect(response.body.error.message).toBe(
      `Sorting orders by Total needs an index on a list this size (${orders.toLocaleString("en-US")} rows): add @@index([total]) to model Order in the Prisma schema, or filter the list to 5 rows or fewer first`,
    );
    // Only the bounded count ran: the page that would have sorted the whole table never started.
    expect(api.queries.statements()).toEqual([expect.stringMatching(/^SELECT COUNT\(\*\)/)]);
  });

  it("refuses a sort through a relation, which joins every row before it can order them", async () => {
    const error = expectApiError(
      await api.get("/api/records/order?sort=customer.lastName"),
      400,
      "sort_needs_index",
    );
    expect(error.message).toMatch(
      /^Sorting orders by Customer reads and sorts every row on a list this size/,
    );
  });

  it("answers the default sort and sorts led by an indexed field, and says the list needs them", async () => {
    for (const sort of ["", "-id", "number", "-placedAt", "status,-total"]) {
      const response = await api.get(`/api/records/order?sort=${sort}&perPage=3`);
      expectStatus(response, 200);
      expect(response.body.data).toHaveLength(3);
      expect(response.body.sortNeedsIndex, sort).toBe(true);
    }
  });

  it("sorts a list filtered below the limit by any column, and says it may", async () => {
    const first = await api.client.order.findFirst({ orderBy: { id: "asc" } });
    const response = await api.get(`/api/records/order?sort=-total&filter.number.eq=${first.number}`);
    expectStatus(response, 200);
    expect(response.body.data.map((row: { number: string }) => row.number)).toEqual([first.number]);
    expect(response.body.sortNeedsIndex).toBe(false);
  });

  it("searches by prefix where an index serves it, and says so", async () => {
    const first = await api.client.order.findFirst({ orderBy: { id: "asc" } });
    const orders = await api.get(`/api/records/order?q=${first.number.slice(0, -1).toLowerCase()}`);
    expectStatus(orders, 200);
    expect(orders.body.searchMatch).toBe("prefix");
    expect(orders.body.data.map((row: { number: string }) => row.number)).toContain(first.number);
    // Customers are searched by email and names, which no index leads: contains.
    const customers = await api.get("/api/records/customer?q=a");
    expect(customers.body.searchMatch).toBe("contains");
  });
});
