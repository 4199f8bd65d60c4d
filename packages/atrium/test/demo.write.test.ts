/**
 * Writing the demo bookstore through the HTTP API: create, update, delete (single, bulk, previews), every bad
 * input the API must explain (with the status and the field), and all-or-nothing transactions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import type { TestApi } from "./openTestApi.js";
import { openDemoApi } from "./schemaPaths.js";

let api: TestApi;

beforeAll(async () => {
  api = await openDemoApi({ app: { maxBodyBytes: 64 * 1024, maxBulkIds: 50 } });
});

afterAll(async () => {
  await api?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

let nextIsbn = 9790000000001n;
function newIsbn(): string {
  nextIsbn += 1n;
  return String(nextIsbn);
}

async function firstId(delegate: string, where: object = {}): Promise<Row> {
  const row = await api.client[delegate].findFirst({ where, orderBy: { id: "asc" } });
  if (!row) throw new Error(`The seed has no ${delegate} matching ${JSON.stringify(where)}`);
  return row;
}

describe("create, read, update, delete", () => {
  it("creates a book with relations, an m-n set and every wire type, then reads it back", async () => {
    const author = await firstId("author");
    const tags = await api.client.tag.findMany({ take: 2, orderBy: { id: "asc" } });
    const cover = Buffer.from([0, 1, 2, 250, 251, 255]).toString("base64");
    const input = {
      title: "A Test of Everything",
      isbn: newIsbn(),
      author: String(author.id),
      pageCount: 321,
      rating: 4.25,
      publishedOn: "2024-05-01T13:45:00.000Z",
      inPrint: false,
      metadata: { series: ["a", 1, null], nested: { ok: true } },
      coverThumb: cover,
      tags: tags.map((tag: Row) => String(tag.id)),
    };
    const created = await api.post("/api/records/book", input);
    expectStatus(created, 201);
    const row = created.body.data;
    expect(row).toMatchObject({
      ...input,
      $label: input.title,
      author: { $id: String(author.id), $label: author.name },
      publisher: null,
      tags: 2,
      editions: 0,
    });
    expect(row.$id).toBe(String(row.id));
    const read = await api.get(`/api/records/book/${row.$id}`);
    expect(read.body.data).toEqual(row);
    const stored = await api.client.book.findUnique({ where: { id: row.id }, include: { tags: true } });
    expect(stored.isbn).toBe(BigInt(input.isbn));
    expect(Buffer.from(stored.coverThumb).toString("base64")).toBe(cover);
    expect(stored.tags.map((tag: Row) => tag.id).sort()).toEqual(tags.map((tag: Row) => tag.id).sort());
  });

  it("accepts the foreign-key scalar instead of the relation", async () => {
    const author = await firstId("author");
    const created = await api.post("/api/records/book", {
      title: "By key",
      isbn: newIsbn(),
      authorId: author.id,
    });
    expectStatus(created, 201);
    expect(created.body.data.author).toEqual({ $id: String(author.id), $label: author.name });
  });

  // A row as read carries to-one relations as { $id, $label } next to their key scalars: both are accepted as
  // long as they name the same record. Read-only fields (id, updatedAt) and to-many counts are left out: the API
  // refuses them whatever their value (see decodeWrite.ts), and m-n sets (tags) are written as $id arrays.
  it("accepts a record sent back as it was read, minus read-only fields", async () => {
    const book = await firstId("book", { publisherId: { not: null }, categoryId: { not: null } });
    const read = (await api.get(`/api/records/book/${book.id}`)).body.data;
    const { id, updatedAt, editions, reviews, orderItems, translations, awards, tags, ...writable } = read;
    const res = await api.patch(`/api/records/book/${read.$id}`, { ...writable, title: "Sent back" });
    expectStatus(res, 200);
    expect(res.body.data.title).toBe("Sent back");
    expect(res.body.data).toMatchObject({
      authorId: read.authorId,
      author: read.author,
      publisher: read.publisher,
      category: read.category,
    });
  });

  it("updates only the fields sent, clears optional ones with null and replaces m-n sets", async () => {
    const book = await firstId("book", { subtitle: { not: null }, publisherId: { not: null } });
    const tag = await api.client.tag.findFirst({ where: { books: { none: { id: book.id } } } });
    const res = await api.patch(`/api/records/book/${book.id}`, {
      subtitle: null,
      publisher: null,
      rating: 2,
      tags: [String(tag.id)],
    });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      subtitle: null,
      publisher: null,
      publisherId: null,
      rating: 2,
      tags: 1,
    });
    expect(res.body.data.title).toBe(book.title);
    const stored = await api.client.book.findUnique({ where: { id: book.id }, include: { tags: true } });
    expect(stored.tags.map((row: Row) => row.id)).toEqual([tag.id]);
  });

  it("deletes with 204, after which the record is 404", async () => {
    const created = await api.post("/api/records/tag", { name: "Ephemeral", slug: "ephemeral" });
    expectStatus(created, 201);
    const res = await api.delete(`/api/records/tag/${created.body.data.$id}`);
    expectStatus(res, 204);
    expect(res.text).toBe("");
    expectApiError(await api.get(`/api/records/tag/${created.body.data.$id}`), 404, "not_found");
    expectApiError(await api.delete(`/api/records/tag/${created.body.data.$id}`), 404, "not_found");
    expectApiError(
      await api.patch(`/api/records/tag/${created.body.data.$id}`, { name: "x" }),
      404,
      "not_found",
    );
  });

  it("writes records addressed by composite keys and by a unique field", async () => {
    const order = await firstId("order");
    const edition = await api.client.edition.findFirst({
      where: { book: { orderItems: { none: { orderId: order.id } } } },
      orderBy: { id: "asc" },
    });
    const created = await api.post("/api/records/order-item", {
      order: String(order.id),
      book: String(edition.bookId),
      edition: edition.id,
      unitPrice: "12.34",
    });
    expectStatus(created, 201);
    const $id = `${order.id},${edition.bookId}`;
    expect(created.body.data).toMatchObject({ $id, quantity: 1, unitPrice: "12.34", discount: 0 });
    const patched = await api.patch(`/api/records/order-item/${$id}`, { quantity: 3 });
    expect(patched.body.data).toMatchObject({ $id, quantity: 3 });
    expectStatus(await api.delete(`/api/records/order-item/${$id}`), 204);
    expectApiError(await api.get(`/api/records/order-item/${$id}`), 404, "not_found");

    const rate = await api.post("/api/records/exchange-rate", {
      currency: "X,Y",
      day: "2030-01-02T00:00:00.000Z",
      rate: "1.23456789",
    });
    expectStatus(rate, 201);
    expect(rate.body.data.$id).toBe("X%2CY,2030-01-02T00%3A00%3A00.000Z");
    const path = `/api/records/exchange-rate/${encodeURIComponent(rate.body.data.$id)}`;
    expect((await api.patch(path, { source: "test" })).body.data).toMatchObject({ source: "test" });
    expectStatus(await api.delete(path), 204);

    const setting = await api.post("/api/records/setting", { key: "theme/colour", value: { dark: true } });
    expectStatus(setting, 201);
    const settingPath = `/api/records/setting/${encodeURIComponent("theme/colour")}`;
    expect((await api.get(settingPath)).body.data).toMatchObject({
      $id: "theme/colour",
      value: { dark: true },
    });
    expect((await api.patch(settingPath, { value: [1, 2] })).body.data.value).toEqual([1, 2]);
  });
});

describe("bad input", () => {
  it("names every missing required field in one 422", async () => {
    const error = expectApiError(await api.post("/api/records/book", {}), 422, "validation_failed", [
      "title",
      "isbn",
      "author",
    ]);
    expect(Object.keys(error.fields ?? {})).not.toContain("language");
    expectApiError(await api.post("/api/records/book", { title: null }), 422, "validation_failed", ["title"]);
  });

  it("refuses values of the wrong type for every kind of field with 422 on the field", async () => {
    const author = await firstId("author");
    const base = { title: "Typed", isbn: newIsbn(), author: String(author.id) };
    const cases: [string, unknown][] = [
      ["title", 12],
      ["pageCount", "12"],
      ["pageCount", 1.5],
      ["pageCount", 2 ** 31],
      ["isbn", 1.5],
      ["isbn", "12a"],
      ["isbn", "99999999999999999999"],
      ["rating", "high"],
      ["publishedOn", "yesterday"],
      ["publishedOn", 1714571100000],
      ["inPrint", "yes"],
      ["coverThumb", "not base64!"],
      ["author", 12],
      ["author", "abc"],
      ["tags", "1"],
      ["tags", ["x"]],
    ];
    for (const [field, value] of cases) {
      const res = await api.post("/api/records/book", { ...base, [field]: value });
      expectApiError(res, 422, "validation_failed", [field]);
    }
    const order = await firstId("order");
    expectApiError(
      await api.patch(`/api/records/order/${order.id}`, { status: "LOST" }),
      422,
      "validation_failed",
      ["status"],
    );
    expectApiError(
      await api.patch(`/api/records/order/${order.id}`, { total: "12,50" }),
      422,
      "validation_failed",
      ["total"],
    );
  });

  it("refuses unknown and read-only fields with 422 on the field", async () => {
    const book = await firstId("book");
    const path = `/api/records/book/${book.id}`;
    expectApiError(await api.patch(path, { colour: "red" }), 422, "validation_failed", ["colour"]);
    expectApiError(await api.patch(path, { id: 5 }), 422, "validation_failed", ["id"]);
    expectApiError(await api.patch(path, { updatedAt: new Date().toISOString() }), 422, "validation_failed", [
      "updatedAt",
    ]);
    expectApiError(await api.patch(path, { editions: [] }), 422, "validation_failed", ["editions"]);
    // A relation and its key are accepted together only when they name the same record.
    expectApiError(
      await api.patch(path, { author: String(book.authorId), authorId: book.authorId + 1 }),
      422,
      "validation_failed",
      ["author"],
    );
    expectApiError(await api.patch(path, { reviews: 3 }), 422, "validation_failed", ["reviews"]);
    expectApiError(await api.patch(path, ["title"]), 400, "bad_request");
    expect((await api.client.book.findUnique({ where: { id: book.id } })).title).toBe(book.title);
  });

  it("answers 409 on the field for unique violations, compound ones included", async () => {
    const [first, second] = await api.client.publisher.findMany({ take: 2, orderBy: { id: "asc" } });
    const publisher = await api.patch(`/api/records/publisher/${second.id}`, { name: first.name });
    expectApiError(publisher, 409, "unique_violation", ["name"]);

    const book = await firstId("book");
    const author = await firstId("author");
    const isbn = await api.post("/api/records/book", {
      title: "Dup",
      isbn: String(book.isbn),
      author: String(author.id),
    });
    expectApiError(isbn, 409, "unique_violation", ["isbn"]);

    const edition = await firstId("edition");
    const twin = await api.post("/api/records/edition", {
      book: String(edition.bookId),
      format: edition.format,
      price: "9.99",
      releasedOn: "2020-01-01T00:00:00Z",
    });
    expectApiError(twin, 409, "unique_violation", ["bookId", "format"]);

    const item = await api.client.orderItem.findFirst({ orderBy: [{ orderId: "asc" }, { bookId: "asc" }] });
    const sameKey = await api.post("/api/records/order-item", {
      order: String(item.orderId),
      book: String(item.bookId),
      edition: item.editionId,
      unitPrice: "1",
    });
    expectApiError(sameKey, 409, "unique_violation", ["orderId", "bookId"]);
  });

  it("answers 422 on the field for references to missing records", async () => {
    const base = { title: "Orphan", isbn: newIsbn() };
    expectApiError(
      await api.post("/api/records/book", { ...base, author: "999999" }),
      422,
      "foreign_key_violation",
      ["author"],
    );
    expectApiError(
      await api.post("/api/records/book", { ...base, authorId: 999999 }),
      422,
      "foreign_key_violation",
      ["authorId"],
    );
    const book = await firstId("book");
    expectApiError(
      await api.patch(`/api/records/book/${book.id}`, { publisher: "999999" }),
      422,
      "foreign_key_violation",
      ["publisher"],
    );
    expect(await api.client.book.count({ where: { title: "Orphan" } })).toBe(0);
  });

  it("answers 400 for malformed JSON, 415 for other content types and 413 for oversized bodies", async () => {
    const book = await firstId("book");
    const json = { "Content-Type": "application/json" };
    expectApiError(
      await api.send("/api/records/book", { method: "POST", headers: json, body: '{"title": ' }),
      400,
      "invalid_json",
    );
    expectApiError(
      await api.send("/api/records/book", { method: "POST", headers: json, body: "" }),
      400,
      "invalid_json",
    );
    expectApiError(
      await api.send(`/api/records/book/${book.id}`, {
        method: "PATCH",
        headers: { "Content-Type": "text/plain" },
        body: "{}",
      }),
      415,
      "unsupported_media_type",
    );
    const big = JSON.stringify({ title: "x".repeat(70 * 1024) });
    expectApiError(
      await api.send(`/api/records/book/${book.id}`, { method: "PATCH", headers: json, body: big }),
      413,
      "payload_too_large",
    );
    expect((await api.client.book.findUnique({ where: { id: book.id } })).title).toBe(book.title);
  });

  it("answers 404 for unknown models and 405 for unsupported methods", async () => {
    expectApiError(await api.post("/api/records/nope", {}), 404, "unknown_model");
    expectApiError(await api.send("/api/records/book", { method: "DELETE" }), 405, "method_not_allowed");
    expectApiError(await api.send("/api/records/book/1", { method: "PUT" }), 405, "method_not_allowed");
  });
});

describe("deletes and their previews", () => {
  it("previews cascades with counts and labels, and SetNull relations", async () => {
    const order = await firstId("order", { items: { some: {} } });
    const items = await api.client.orderItem.count({ where: { orderId: order.id } });
    const res = await api.get(`/api/records/order/${order.id}/delete-preview`);
    expectStatus(res, 200);
    const preview = res.body.data;
    expect(preview.canDelete).toBe(true);
    expect(preview.blockers).toEqual([]);
    expect(preview.cascades).toContainEqual(
      expect.objectContaining({ model: "order-item", via: "order", count: items }),
    );
    const group = preview.cascades.find((entry: Row) => entry.model === "order-item");
    expect(group.label).toBe("Order items");
    expect(group.examples.length).toBeGreaterThan(0);

    const publisher = await firstId("publisher", { books: { some: {} } });
    const books = await api.client.book.count({ where: { publisherId: publisher.id } });
    const setNull = (await api.get(`/api/records/publisher/${publisher.id}/delete-preview`)).body.data;
    expect(setNull.setNull).toContainEqual(
      expect.objectContaining({ model: "book", via: "publisher", count: books }),
    );
    expect(setNull.canDelete).toBe(true);
  });

  it("lists Restrict blockers in the preview and refuses the delete with 409 saying what blocks", async () => {
    const author = await firstId("author", { books: { some: {} } });
    const books = await api.client.book.count({ where: { authorId: author.id } });
    const preview = (await api.get(`/api/records/author/${author.id}/delete-preview`)).body.data;
    expect(preview.canDelete).toBe(false);
    expect(preview.blockers).toContainEqual(
      expect.objectContaining({ model: "book", via: "author", count: books }),
    );

    const res = await api.delete(`/api/records/author/${author.id}`);
    const error = expectApiError(res, 409, "delete_restricted");
    expect(error.message).toMatch(/book/i);
    expect((error.details as Row).blockers).toContainEqual(
      expect.objectContaining({ model: "book", count: books }),
    );
    expect(await api.client.author.count({ where: { id: author.id } })).toBe(1);

    const parent = await firstId("category", { children: { some: {} } });
    expectApiError(await api.delete(`/api/records/category/${parent.id}`), 409, "delete_restricted");
    expectApiError(await api.get("/api/records/author/99999999/delete-preview"), 404, "not_found");
    expectApiError(await api.get("/api/records/author/x/delete-preview"), 400, "bad_request", ["$id"]);
  });

  it("cascades a delete exactly as previewed", async () => {
    const order = await firstId("order", { items: { some: {} } });
    const preview = (await api.get(`/api/records/order/${order.id}/delete-preview`)).body.data;
    const before = await api.client.orderItem.count();
    expectStatus(await api.delete(`/api/records/order/${order.id}`), 204);
    const group = preview.cascades.find((entry: Row) => entry.model === "order-item");
    expect(await api.client.orderItem.count()).toBe(before - group.count);
  });

  it("deletes many in one request, and nothing at all when one id is missing", async () => {
    const reviews = await api.client.review.findMany({ take: 4, orderBy: { id: "asc" } });
    const ids = reviews.map((review: Row) => String(review.id));
    const before = await api.client.review.count();

    const missing = await api.post("/api/records/review/delete-many", {
      ids: [...ids.slice(0, 3), "99999999"],
    });
    expectApiError(missing, 404, "not_found");
    expect(await api.client.review.count()).toBe(before);

    const res = await api.post("/api/records/review/delete-many", { ids: [...ids.slice(0, 3), ids[0]] });
    expectStatus(res, 200);
    expect(res.body).toEqual({ deleted: 3 });
    expect(await api.client.review.count()).toBe(before - 3);

    const items = await api.client.orderItem.findMany({
      take: 2,
      orderBy: [{ orderId: "asc" }, { bookId: "asc" }],
    });
    const itemIds = items.map((item: Row) => `${item.orderId},${item.bookId}`);
    expect((await api.post("/api/records/order-item/delete-many", { ids: itemIds })).body).toEqual({
      deleted: 2,
    });
  });

  it("refuses a bulk delete that any record blocks, deleting none of them", async () => {
    const free = await api.post("/api/records/author", { name: "Nobody Yet" });
    const blocked = await firstId("author", { books: { some: {} } });
    const res = await api.post("/api/records/author/delete-many", {
      ids: [free.body.data.$id, String(blocked.id)],
    });
    expectApiError(res, 409, "delete_restricted");
    expect(await api.client.author.count({ where: { id: { in: [free.body.data.id, blocked.id] } } })).toBe(2);
  });

  it("refuses malformed bulk requests with 422 on ids", async () => {
    const path = "/api/records/review/delete-many";
    expectApiError(await api.post(path, {}), 422, "validation_failed", ["ids"]);
    expectApiError(await api.post(path, { ids: [] }), 422, "validation_failed", ["ids"]);
    expectApiError(await api.post(path, { ids: [1] }), 422, "validation_failed", ["ids"]);
    expectApiError(await api.post(path, { ids: ["abc"] }), 422, "validation_failed", ["ids"]);
    const tooMany = Array.from({ length: 51 }, (_, index) => String(index + 1));
    expectApiError(await api.post(path, { ids: tooMany }), 422, "validation_failed", ["ids"]);
    expectApiError(
      await api.send(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: "[" }),
      400,
      "invalid_json",
    );
  });
});

describe("transactions", () => {
  it("changes nothing when an m-n set names a missing record", async () => {
    const book = await firstId("book", { tags: { some: {} } });
    const before = await api.client.book.findUnique({ where: { id: book.id }, include: { tags: true } });
    const tag = await api.client.tag.findFirst({ where: { books: { none: { id: book.id } } } });
    const res = await api.patch(`/api/records/book/${book.id}`, {
      title: "Should not stick",
      tags: [String(tag.id), "99999999"],
    });
    expectApiError(res, 422, "foreign_key_violation", ["tags"]);
    const after = await api.client.book.findUnique({ where: { id: book.id }, include: { tags: true } });
    expect(after.title).toBe(before.title);
    expect(after.tags.map((row: Row) => row.id)).toEqual(before.tags.map((row: Row) => row.id));
  });

  it("creates nothing when a create with an m-n set fails", async () => {
    const author = await firstId("author");
    const before = await api.client.book.count();
    const res = await api.post("/api/records/book", {
      title: "Half made",
      isbn: newIsbn(),
      author: String(author.id),
      tags: ["99999999"],
    });
    expectApiError(res, 422, "foreign_key_violation", ["tags"]);
    expect(await api.client.book.count()).toBe(before);
  });
});

it("logged no unexpected error", () => {
  expect(api.problems).toEqual([]);
});
