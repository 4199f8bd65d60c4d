/**
 * Keyset pages through the HTTP API: `nextCursor`/`prevCursor` page a list as offset pages do, and a cursor
 * that was tampered with, made for another sort, or made to seek on a field the user may not sort by is a
 * 400 that says what to do, never a 500 and never a page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import type { TestApi } from "./openTestApi.js";
import { openDemoApi } from "./schemaPaths.js";

let api: TestApi;
beforeAll(async () => {
  api = await openDemoApi();
});
afterAll(async () => {
  await api?.close();
});

const cursorOf = (body: object) => Buffer.from(JSON.stringify(body)).toString("base64url");
const bodyOf = (cursor: string) => JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
const ids = (rows: { $id: string }[]) => rows.map((row) => row.$id);

describe("keyset pages of GET /api/records/{key}", () => {
  it("pages forward and back by cursor as offset pages do", async () => {
    const first = await api.get("/api/records/customer?sort=lastName&perPage=5");
    expectStatus(first, 200);
    expect(first.body.prevCursor).toBeNull();
    expect(first.body.page).toBe(1);
    const second = await api.get("/api/records/customer?sort=lastName&perPage=5&page=2");
    const third = await api.get("/api/records/customer?sort=lastName&perPage=5&page=3");

    const next = await api.get(
      `/api/records/customer?sort=lastName&perPage=5&cursor=${first.body.nextCursor}`,
    );
    expectStatus(next, 200);
    expect(ids(next.body.data)).toEqual(ids(second.body.data));
    expect(next.body.page).toBeNull();
    expect(next.body.total).toBe(first.body.total);
    const after = await api.get(
      `/api/records/customer?sort=lastName&perPage=5&cursor=${next.body.nextCursor}`,
    );
    expect(ids(after.body.data)).toEqual(ids(third.body.data));
    const back = await api.get(
      `/api/records/customer?sort=lastName&perPage=5&cursor=${after.body.prevCursor}`,
    );
    expect(ids(back.body.data)).toEqual(ids(second.body.data));
  });

  it("answers 400 for a damaged cursor, a cursor with a page, and a cursor of another sort", async () => {
    const first = await api.get("/api/records/customer?sort=lastName&perPage=5");
    const cursor: string = first.body.nextCursor;
    const damaged = await api.get(`/api/records/customer?sort=lastName&cursor=${cursor.slice(0, -3)}`);
    expectApiError(damaged, 400, "bad_request", ["cursor"]);
    expect(damaged.body.error.fields.cursor).toMatch(/first page/);
    expectApiError(await api.get("/api/records/customer?cursor=not-a-cursor!"), 400, "bad_request", [
      "cursor",
    ]);

    const withPage = await api.get(`/api/records/customer?sort=lastName&page=2&cursor=${cursor}`);
    expectApiError(withPage, 400, "bad_request", ["cursor"]);

    const otherSort = await api.get(`/api/records/customer?sort=-lastName&cursor=${cursor}`);
    expectApiError(otherSort, 400, "bad_request", ["cursor"]);
    expect(otherSort.body.error.fields.cursor).toMatch(/sorted by 'lastName,id', not '-lastName,id'/);

    // Values that do not fit the sort's fields are refused, not sent to the database.
    const wrongValues = cursorOf({ ...bodyOf(cursor), k: ["Smith", "not a number"] });
    expectApiError(
      await api.get(`/api/records/customer?sort=lastName&cursor=${wrongValues}`),
      400,
      "bad_request",
      ["cursor"],
    );
  });

  it("cannot seek on a field the user may not sort by", async () => {
    const customer = await api.client.customer.findFirst({ where: { apiToken: { not: null } } });
    // A cursor made for the hidden token: with its own sort the sort is refused, with any other the cursor.
    const seek = cursorOf({ v: 1, s: "apiToken,id", k: [customer.apiToken, 0], d: "next" });
    expectApiError(await api.get(`/api/records/customer?sort=apiToken&cursor=${seek}`), 400, "bad_request", [
      "sort",
    ]);
    expectApiError(await api.get(`/api/records/customer?cursor=${seek}`), 400, "bad_request", ["cursor"]);

    // Cursors a user receives hold the values of the sort's own (visible) fields only.
    const page = await api.get("/api/records/customer?sort=-createdAt&perPage=3");
    const body = bodyOf(page.body.nextCursor);
    expect(body.s).toBe("-createdAt,id");
    expect(body.k).toHaveLength(2);
    expect(page.body.nextCursor).not.toContain(customer.apiToken);
  });

  it("refuses a cursor on a related field the user's view hides", async () => {
    const hiding = await openDemoApi({ auth: { fields: { models: { customer: { email: "hidden" } } } } });
    try {
      const seek = cursorOf({ v: 1, s: "customer.email,id", k: ["a@b.c", 1], d: "next" });
      expectApiError(
        await hiding.get(`/api/records/order?sort=customer.email&cursor=${seek}`),
        400,
        "bad_request",
        ["sort"],
      );
      expectApiError(await hiding.get(`/api/records/order?cursor=${seek}`), 400, "bad_request", ["cursor"]);
    } finally {
      await hiding.close();
    }
  });
});
