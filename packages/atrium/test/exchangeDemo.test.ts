/**
 * Export and import on the demo bookstore (SQLite): many pages, secret fields left out, relations named by a
 * unique field, unique values checked across the file and the table, permissions, limits and progress lines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import type { TestApi } from "./openTestApi.js";
import { openDemoApi } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

describe("export and import on the demo", () => {
  let api: TestApi;
  const importBooks = (query: string, body: string, headers: Record<string, string> = {}) =>
    api.send(`/api/import/book?${query}`, { method: "POST", body, headers });

  beforeAll(async () => {
    api = await openDemoApi({ app: { maxImportRows: 50, maxImportBytes: 64 * 1024 } });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it("exports every page of a big list, counting once, without the fields hidden by name", async () => {
    const data = Array.from({ length: 2100 }, (_, index) => ({
      name: `Topic ${index}`,
      slug: `topic-${index}`,
    }));
    await api.client.tag.createMany({ data });
    const total = await api.client.tag.count();
    api.queries.reset();
    const res = await api.get("/api/export/tag?format=ndjson");
    expectStatus(res, 200);
    const lines = res.text.trimEnd().split("\n");
    expect(lines).toHaveLength(total);
    expect(new Set(lines.map((line) => JSON.parse(line).id)).size).toBe(total);
    // A statement per page of 1,000, after the list's own check of a one-row page (its count and relations).
    const pages = Math.ceil(total / 1000);
    expect(api.queries.count()).toBeLessThanOrEqual(pages + 3);

    const customers = await api.get("/api/export/customer?format=csv");
    const header = customers.text.split("\r\n")[0];
    expect(header).toContain("email");
    expect(header).not.toContain("apiToken");
    const token = (await api.client.customer.findFirst({ where: { apiToken: { not: null } } }))?.apiToken;
    if (token) expect(customers.text).not.toContain(token);
  });

  it("exports the filtered, searched and sorted list as the list shows it", async () => {
    const list = await api.get("/api/records/book?filter.inPrint.eq=true&sort=title&perPage=200");
    const res = await api.get("/api/export/book?format=json&filter.inPrint.eq=true&sort=title");
    expect(res.body.map((row: Row) => row.id)).toEqual(list.body.data.map((row: Row) => row.id));
    expect(res.body[0].isbn).toMatch(/^\d+$/);
  });

  it("names relations by a unique field and reports the ones that name nothing", async () => {
    const author = await api.client.author.findFirst();
    const publisher = await api.client.publisher.findFirst();
    const file = [
      "title,isbn,author,publisher.name",
      `Imported one,9780000000001,${author.id},"${publisher.name}"`,
      `Imported two,9780000000002,${author.id},No Such Press`,
    ].join("\n");
    const dry = await importBooks("format=csv&dryRun=1", file);
    expectStatus(dry, 200);
    expect(dry.body.mapping).toContainEqual({ column: "publisher.name", field: "publisher", by: "name" });
    expect(dry.body.errors).toEqual([
      { row: 2, field: "publisher", message: "No publisher has the name 'No Such Press'" },
    ]);
    const fixed = file.replace("No Such Press", publisher.name);
    expect((await importBooks("format=csv", fixed)).body).toMatchObject({ created: 2 });
    const created = await api.client.book.findUnique({ where: { isbn: 9780000000002n } });
    expect(created.publisherId).toBe(publisher.id);
  });

  it("refuses a unique value twice in the file or taken by another record, and updates by a unique field", async () => {
    const taken = await api.client.book.findFirst({ orderBy: { id: "asc" } });
    const author = await api.client.author.findFirst();
    const file = [
      "title,isbn,authorId",
      `Twin,9780000000101,${author.id}`,
      `Twin again,9780000000101,${author.id}`,
      `Clash,${taken.isbn},${author.id}`,
      `Ghost,9780000000102,999999`,
    ].join("\n");
    const dry = await importBooks("format=csv&dryRun=1", file);
    expect(dry.body.errors).toEqual([
      { row: 2, field: "isbn", message: "Row 1 has the same ISBN" },
      { row: 3, field: "isbn", message: "Another book has this ISBN already" },
      { row: 4, field: "authorId", message: "No author has the ID 999999" },
    ]);
    const byIsbn = await importBooks("format=csv&dryRun=1&match=isbn", `isbn,title\n${taken.isbn},Renamed`);
    expect(byIsbn.body.rows).toEqual([{ row: 1, action: "update", id: String(taken.id) }]);
    expect(
      (await importBooks("format=csv&match=isbn", `isbn,title\n${taken.isbn},Renamed`)).body,
    ).toMatchObject({
      updated: 1,
    });
    expect((await api.client.book.findUnique({ where: { id: taken.id } })).title).toBe("Renamed");
  });

  it("answers a mapping that cannot be used, and adjusts one that can", async () => {
    const bad = await importBooks(
      `format=csv&dryRun=1&mapping=${encodeURIComponent(JSON.stringify([{ column: "Name", field: "titel" }]))}`,
      "Name\nDune",
    );
    expectApiError(bad, 400, "bad_request", ["mapping.Name"]);
    const mapping = encodeURIComponent(JSON.stringify([{ column: "Name", field: "title" }]));
    const good = await importBooks(`format=csv&dryRun=1&mapping=${mapping}`, "Name\nDune");
    expect(good.body.errors.map((error: Row) => error.field)).toEqual(["isbn", "author"]);
  });

  it("refuses who may not add, a file past the limits, and a format it cannot tell", async () => {
    const viewer = await api.userSession("viewer@example.com", { permissions: ["model:book:view"] });
    const forbidden = await viewer.send("/api/import/book?format=csv", { method: "POST", body: "title\nx" });
    expectApiError(forbidden, 403, "forbidden");
    const adder = await api.userSession("adder@example.com", {
      permissions: ["model:book:view", "model:book:add"],
    });
    const book = await api.client.book.findFirst();
    const update = await adder.send("/api/import/book?format=csv&dryRun=1", {
      method: "POST",
      body: `id,title\n${book.id},New title`,
    });
    expect(update.body.errors).toContainEqual({ row: 1, field: null, message: "You may not change books" });

    const rows = ["title", ...Array.from({ length: 51 }, (_, index) => `t${index}`)].join("\n");
    const tooMany = await importBooks("format=csv&dryRun=1", rows);
    expect(expectApiError(tooMany, 413, "payload_too_large").message).toMatch(/more than 50 rows/);
    const tooBig = await importBooks("format=csv&dryRun=1", `title\n${"x".repeat(70 * 1024)}`);
    expect(expectApiError(tooBig, 413, "payload_too_large").message).toMatch(/larger than 0.1 MB/);
    expectApiError(await importBooks("", "title\nx"), 415, "unsupported_media_type");
    const typed = await importBooks("dryRun=1", '[{"title": "x"}]', { "Content-Type": "application/json" });
    expectStatus(typed, 200);
  });

  it("reports a commit's progress as lines, then what it wrote", async () => {
    const author = await api.client.author.findFirst();
    const body = [
      "title,isbn,authorId",
      ...[1, 2, 3].map((n) => `Line ${n},978000000020${n},${author.id}`),
    ].join("\n");
    const res = await importBooks("format=csv", body, { Accept: "application/x-ndjson" });
    expectStatus(res, 200);
    const lines = res.text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ type: "progress", phase: "checking", done: 3, total: null });
    expect(lines).toContainEqual({ type: "progress", phase: "writing", done: 3, total: 3 });
    expect(lines.at(-1)).toEqual({ type: "done", dryRun: false, created: 3, updated: 0 });
    const refused = await importBooks("format=csv", body, { Accept: "application/x-ndjson" });
    const last = JSON.parse(refused.text.trimEnd().split("\n").at(-1) ?? "{}");
    expect(last).toMatchObject({ type: "error", status: 422, error: { code: "validation_failed" } });
  });
});
