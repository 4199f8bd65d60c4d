import type { ListQuery, StoredRow } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { fakeDataSource } from "../testing/fakeDataSource.js";
import { signedInApp } from "../testing/signedInApp.js";
import { testApp } from "../testing/testApp.js";

const books: StoredRow[] = [
  { id: 1, title: "Dune", pages: 412, authorId: 7 },
  { id: 2, title: "", pages: null, authorId: 7 },
  { id: 3, title: 'Say "when", then stop', pages: 90, authorId: 8 },
];

/** A data source over `books` that pages by keyset and records every query it is asked. */
function pagedBooks(perPage: number) {
  const queries: ListQuery[] = [];
  const dataSource = fakeDataSource({
    list: async (_model, query) => {
      queries.push(query);
      const start = query.cursor ? Number(query.cursor.values[0]) : 0;
      const rows = books.slice(start, start + perPage);
      const end = start + rows.length;
      return {
        rows,
        total: query.bulk ? null : books.length,
        totalIsEstimate: false,
        next: end < books.length ? { direction: "next", values: [end] } : null,
      };
    },
  });
  return { dataSource, queries };
}

describe("GET /api/export/{key}", () => {
  it("streams every page as CSV: the list's checks on one row, then bulk pages by cursor", async () => {
    const { dataSource, queries } = pagedBooks(2);
    const { app } = testApp(dataSource);
    const res = await app.request("/api/export/book?format=csv&q=d&sort=title&page=3&filter.pages.gte=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="book-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(await res.text()).toBe(
      ["id,title,pages,authorId", "1,Dune,412,7", '2,"",,7', '3,"Say ""when"", then stop",90,8', ""].join(
        "\r\n",
      ),
    );
    expect(queries.map((query) => [query.perPage, query.bulk ?? false, query.cursor?.values])).toEqual([
      [1, false, undefined],
      [1000, true, undefined],
      [1000, true, [2]],
    ]);
    // The list's search, sort and filters, not its page.
    expect(queries[0]).toMatchObject({ search: "d", filters: [{ path: ["pages"], op: "gte", value: 1 }] });
    expect(queries[0]?.sort[0]).toEqual({ path: ["title"], direction: "asc" });
  });

  it("writes JSON and NDJSON rows in the wire encoding", async () => {
    const { app } = testApp(pagedBooks(2).dataSource);
    const json = await (await app.request("/api/export/book?format=json")).json();
    expect(json).toEqual([
      { id: 1, title: "Dune", pages: 412, authorId: 7 },
      { id: 2, title: "", pages: null, authorId: 7 },
      { id: 3, title: 'Say "when", then stop', pages: 90, authorId: 8 },
    ]);
    const lines = (await (await app.request("/api/export/book?format=ndjson")).text()).trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line).id)).toEqual([1, 2, 3]);
  });

  it("writes an empty JSON list for a list without rows", async () => {
    const dataSource = fakeDataSource({ list: async () => ({ rows: [], total: 0, totalIsEstimate: false }) });
    const res = await testApp(dataSource).app.request("/api/export/book?format=json");
    expect(await res.json()).toEqual([]);
  });

  it("exports a selection by its ids, in the order given", async () => {
    let received: ListQuery | undefined;
    const dataSource = fakeDataSource({
      list: async (_model, query) => {
        received = query;
        return { rows: [books[0], books[2]] as StoredRow[], total: null, totalIsEstimate: false };
      },
    });
    const res = await testApp(dataSource).app.request("/api/export/book?format=ndjson&ids=3&ids=1");
    expect(res.headers.get("content-disposition")).toContain('filename="book-selection-');
    const ids = (await res.text())
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual([3, 1]);
    expect(received?.filters).toEqual([{ path: ["id"], op: "in", value: [3, 1] }]);
  });

  it("refuses an unknown format, a bad filter and a selection over the limit before streaming", async () => {
    const { app } = testApp(pagedBooks(2).dataSource, { maxBulkIds: 2 });
    const format = await app.request("/api/export/book?format=xlsx");
    expect(format.status).toBe(400);
    expect((await format.json()).error.fields.format).toMatch(/csv, json, ndjson/);
    const filter = await app.request("/api/export/book?filter.pages.gte=many");
    expect(filter.status).toBe(400);
    const ids = await app.request("/api/export/book?ids=1&ids=2&ids=3");
    expect(ids.status).toBe(400);
    expect((await ids.json()).error.fields.ids).toMatch(/at most 2/);
    expect((await app.request("/api/export/nope")).status).toBe(404);
    expect((await app.request("/api/export/book", { method: "POST" })).status).toBe(405);
  });

  it("leaves hidden fields out and refuses a filter on them, as the list does", async () => {
    const { app, signIn } = await signedInApp(
      [{ email: "clerk@example.com", permissions: ["model:book:view"] }],
      pagedBooks(5).dataSource,
      { auth: { fields: { models: { book: { pages: "hidden" } } } } as never },
    );
    const cookie = await signIn("clerk@example.com");
    const res = await app.request("/api/export/book?format=csv", { headers: { cookie } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split("\r\n")[0]).toBe("id,title,authorId");
    expect(text).not.toContain("412");
    const filtered = await app.request("/api/export/book?filter.pages.gte=400", { headers: { cookie } });
    expect(filtered.status).toBe(400);
  });

  it("refuses a model the user may not view", async () => {
    const { app, signIn } = await signedInApp(
      [{ email: "clerk@example.com", permissions: ["model:author:view"] }],
      pagedBooks(5).dataSource,
    );
    const cookie = await signIn("clerk@example.com");
    const res = await app.request("/api/export/book", { headers: { cookie } });
    expect(res.status).toBe(403);
  });

  it("ends the download in error, and logs it, when a later page fails", async () => {
    let calls = 0;
    const dataSource = fakeDataSource({
      list: async () => {
        calls += 1;
        if (calls > 2) throw new Error("connection lost");
        return {
          rows: [books[0] as StoredRow],
          total: 3,
          totalIsEstimate: false,
          next: { direction: "next", values: [1] },
        };
      },
    });
    const { app, logged } = testApp(dataSource);
    const res = await app.request("/api/export/book");
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(logged[0]?.message).toMatch(/export of 'book' failed/);
  });
});
