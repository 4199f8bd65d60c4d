/**
 * Reading the demo bookstore through the HTTP API: health, metadata, lists (paging, sorting, filters, search),
 * single records by every kind of `$id`, look-ups, wire encoding and the number of SQL queries per page.
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

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

/** Every row of a list, page by page, with the given query. */
async function walkPages(key: string, params: string, perPage: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; page < 1000; page++) {
    const res = await api.get(`/api/records/${key}?perPage=${perPage}&page=${page}&${params}`);
    expectStatus(res, 200);
    if (res.body.data.length === 0) return rows;
    rows.push(...res.body.data);
  }
  throw new Error("more than 1000 pages");
}

describe("health and metadata", () => {
  it("answers GET /healthz", async () => {
    const res = await api.get("/healthz");
    expectStatus(res, 200);
    expect(res.body).toEqual({ ok: true });
  });

  it("describes every model and field with the documented keys", async () => {
    const res = await api.get("/api/meta");
    expectStatus(res, 200);
    expect(res.body.models.map((model: Row) => model.key)).toEqual(api.schema.models.map((m) => m.key));
    expect(res.body.models.length).toBe(19);
    for (const model of res.body.models) {
      expect(Object.keys(model)).toEqual(
        expect.arrayContaining(["key", "name", "label", "labelPlural", "idFields", "titleField", "fields"]),
      );
      expect(model.idFields.length).toBeGreaterThan(0);
      for (const field of model.fields) {
        for (const name of ["name", "label", "kind", "type", "isList", "isRequired", "isId", "isUnique"]) {
          expect(field, `${model.name}.${field.name}`).toHaveProperty(name);
        }
        expect(typeof field.isReadOnly).toBe("boolean");
        expect(typeof field.hasDefault).toBe("boolean");
        if (field.kind === "relation") expect(field.relation.model).toBeTypeOf("string");
        if (field.kind === "enum") expect(field.enumValues.length).toBeGreaterThan(0);
      }
    }
  });

  it("names relations, enums, ids, read-only fields and help texts as the schema says", async () => {
    const { models } = (await api.get("/api/meta")).body;
    const model = (key: string) => models.find((candidate: Row) => candidate.key === key);
    const field = (key: string, name: string) => model(key).fields.find((f: Row) => f.name === name);
    expect(model("order-item")).toMatchObject({ name: "OrderItem", idFields: ["orderId", "bookId"] });
    expect(model("exchange-rate").idFields).toEqual(["currency", "day"]);
    expect(model("setting").idFields).toEqual(["key"]);
    expect(model("book")).toMatchObject({ label: "Book", labelPlural: "Books", titleField: "title" });
    expect(field("book", "author").relation).toMatchObject({
      model: "Author",
      toMany: false,
      fromFields: ["authorId"],
      toFields: ["id"],
      onDelete: "Restrict",
    });
    expect(field("book", "publisher").relation.onDelete).toBe("SetNull");
    expect(field("book", "tags")).toMatchObject({ kind: "relation", isList: true, isReadOnly: false });
    expect(field("book", "tags").relation.toMany).toBe(true);
    expect(field("book", "editions")).toMatchObject({ isReadOnly: true });
    expect(field("book", "id")).toMatchObject({ isId: true, isReadOnly: true, hasDefault: true });
    expect(field("book", "updatedAt")).toMatchObject({ isReadOnly: true });
    expect(field("book", "isbn")).toMatchObject({ type: "BigInt", isUnique: true, isRequired: true });
    expect(field("book", "rating").help).toMatch(/review stars/);
    expect(field("order", "status")).toMatchObject({
      kind: "enum",
      enumValues: ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"],
    });
  });

  it("refuses other methods on /api/meta with 405", async () => {
    expectApiError(await api.send("/api/meta", { method: "POST" }), 405, "method_not_allowed");
  });
});

describe("counts", () => {
  it("counts the rows of every model for the home page", async () => {
    const res = await api.get("/api/counts");
    expectStatus(res, 200);
    expect(Object.keys(res.body.data)).toEqual(api.schema.models.map((model) => model.key));
    expect(res.body.data.book).toEqual({ total: await api.client.book.count(), isEstimate: false });
    expect(res.body.data["order-item"].total).toBe(await api.client.orderItem.count());
  });
});

describe("lists", () => {
  it("returns data, total, totalIsEstimate, page, perPage, the cursors of the pages around, and how it sorts and searches", async () => {
    const res = await api.get("/api/records/book?perPage=10&page=2");
    expectStatus(res, 200);
    expect(Object.keys(res.body).sort()).toEqual([
      "data",
      "nextCursor",
      "page",
      "perPage",
      "prevCursor",
      "searchMatch",
      "sortNeedsIndex",
      "total",
      "totalIsEstimate",
    ]);
    expect(res.body.nextCursor).toEqual(expect.any(String));
    expect(res.body.prevCursor).toEqual(expect.any(String));
    expect(res.body).toMatchObject({
      page: 2,
      perPage: 10,
      totalIsEstimate: false,
      sortNeedsIndex: false,
      searchMatch: "contains",
    });
    expect(res.body.total).toBe(await api.client.book.count());
    expect(res.body.data).toHaveLength(10);
  });

  it("lists newest first by default and past the last page lists nothing", async () => {
    const ids = (
      await api.client.book.findMany({ select: { id: true }, orderBy: { id: "desc" }, take: 5 })
    ).map((row: Row) => String(row.id));
    const res = await api.get("/api/records/book?perPage=5");
    expect(res.body.data.map((row: Row) => row.$id)).toEqual(ids);
    const past = await api.get("/api/records/book?perPage=5&page=1000");
    expectStatus(past, 200);
    expect(past.body.data).toEqual([]);
  });

  it("caps perPage at 200", async () => {
    const res = await api.get("/api/records/order-item?perPage=5000");
    expectStatus(res, 200);
    expect(res.body.perPage).toBe(200);
    expect(res.body.data).toHaveLength(200);
  });

  it("never shuffles pages when sorting by a column full of ties", async () => {
    const total = await api.client.orderItem.count();
    const rows = await walkPages("order-item", "sort=quantity", 97);
    const ids = rows.map((row) => row.$id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const quantities = rows.map((row) => row.quantity);
    expect(quantities).toEqual([...quantities].sort((a, b) => a - b));

    const books = await walkPages("book", "sort=-inPrint", 7);
    expect(new Set(books.map((row) => row.$id)).size).toBe(await api.client.book.count());
    expect(books.length).toBe(await api.client.book.count());
  });

  it("sorts by several fields, descending with a minus, and through to-one relations", async () => {
    const rows = await walkPages("book", "sort=-language,title", 50);
    const keys = rows.map((row) => [row.language, row.title]);
    const expected = [...keys].sort((a, b) =>
      a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? 1 : -1,
    );
    expect(keys).toEqual(expected);
    const byAuthor = await api.get("/api/records/book?perPage=200&sort=author.name");
    expectStatus(byAuthor, 200);
    const names = byAuthor.body.data.map((row: Row) => row.author.$label);
    expect(names).toEqual([...names].sort());
  });

  it("refuses bad paging and sorting with 400 naming the parameter", async () => {
    expectApiError(await api.get("/api/records/book?page=0"), 400, "bad_request", ["page"]);
    expectApiError(await api.get("/api/records/book?perPage=abc"), 400, "bad_request", ["perPage"]);
    expectApiError(await api.get("/api/records/book?sort=nope"), 400, "bad_request", ["sort"]);
    expectApiError(await api.get("/api/records/book?sort=metadata"), 400, "bad_request", ["sort"]);
    expectApiError(await api.get("/api/records/book?sort=tags.name"), 400, "bad_request", ["sort"]);
    expectApiError(await api.get("/api/records/book?colour=red"), 400, "bad_request", ["colour"]);
    expectApiError(await api.get("/api/records/book?page=1&page=2"), 400, "bad_request", ["page"]);
  });

  it("answers 404 for an unknown model, with a suggestion", async () => {
    const error = expectApiError(await api.get("/api/records/bok"), 404, "unknown_model");
    expect(error.message).toContain("book");
    expectApiError(await api.get("/api/records/Book"), 404, "unknown_model");
  });
});

describe("filters", () => {
  /** The API's filtered total equals Prisma's count for the same condition, and that condition filters. */
  async function expectFilter(key: string, delegate: string, params: string, where: object) {
    const res = await api.get(`/api/records/${key}?perPage=200&${params}`);
    expectStatus(res, 200);
    const expected = await api.client[delegate].count({ where });
    const all = await api.client[delegate].count();
    expect({ params, total: res.body.total }).toEqual({ params, total: expected });
    expect(expected, `${params} matches nothing in the seed`).toBeGreaterThan(0);
    expect(expected, `${params} matches everything in the seed`).toBeLessThan(all);
    expect(res.body.data.length).toBe(Math.min(expected, 200));
    return res.body.data as Row[];
  }

  it("filters Int fields with every comparison", async () => {
    const sample = await api.client.book.findFirst({
      where: { pageCount: { not: null } },
      orderBy: { id: "asc" },
    });
    const n = sample.pageCount as number;
    await expectFilter("book", "book", `filter.pageCount.eq=${n}`, { pageCount: n });
    await expectFilter("book", "book", `filter.pageCount.neq=${n}`, {
      OR: [{ pageCount: { not: n } }, { pageCount: null }],
    });
    await expectFilter("book", "book", `filter.pageCount.in=100,200,300,${n}`, {
      pageCount: { in: [100, 200, 300, n] },
    });
    await expectFilter("book", "book", "filter.pageCount.lt=300", { pageCount: { lt: 300 } });
    await expectFilter("book", "book", "filter.pageCount.lte=300", { pageCount: { lte: 300 } });
    await expectFilter("book", "book", "filter.pageCount.gt=300", { pageCount: { gt: 300 } });
    const rows = await expectFilter("book", "book", "filter.pageCount.gte=300", { pageCount: { gte: 300 } });
    for (const row of rows) expect(row.pageCount).toBeGreaterThanOrEqual(300);
  });

  it("filters BigInt, Float, Decimal, Boolean and DateTime fields", async () => {
    const book = await api.client.book.findFirst({ orderBy: { id: "asc" } });
    const rows = await expectFilter("book", "book", `filter.isbn.eq=${book.isbn}`, { isbn: book.isbn });
    expect(rows.map((row) => row.isbn)).toEqual([String(book.isbn)]);
    await expectFilter("book", "book", `filter.isbn.gt=${book.isbn}`, { isbn: { gt: book.isbn } });
    await expectFilter("book", "book", "filter.rating.gte=3.5", { rating: { gte: 3.5 } });
    await expectFilter("edition", "edition", "filter.price.gt=20", { price: { gt: 20 } });
    await expectFilter("edition", "edition", "filter.price.lte=19.99", { price: { lte: 19.99 } });
    await expectFilter("book", "book", "filter.inPrint.eq=false", { inPrint: false });
    await expectFilter("book", "book", "filter.publishedOn.gte=2010-01-01", {
      publishedOn: { gte: new Date("2010-01-01T00:00:00Z") },
    });
    await expectFilter("book", "book", "filter.publishedOn.lt=2010-01-01T00:00:00Z", {
      publishedOn: { lt: new Date("2010-01-01T00:00:00Z") },
    });
  });

  it("filters text with contains, startsWith and eq, ignoring case", async () => {
    const rows = await expectFilter("book", "book", "filter.title.contains=THE", {
      title: { contains: "the" },
    });
    for (const row of rows) expect(row.title.toLowerCase()).toContain("the");
    await expectFilter("book", "book", "filter.title.startsWith=the", { title: { startsWith: "The" } });
    const book = await api.client.book.findFirst({ orderBy: { id: "asc" } });
    await expectFilter("book", "book", `filter.title.eq=${encodeURIComponent(book.title)}`, {
      title: book.title,
    });
  });

  it("filters enums and empty values", async () => {
    await expectFilter("order", "order", "filter.status.eq=PAID", { status: "PAID" });
    await expectFilter("order", "order", "filter.status.in=PAID,SHIPPED", {
      status: { in: ["PAID", "SHIPPED"] },
    });
    await expectFilter("order", "order", "filter.status.neq=DELIVERED", { status: { not: "DELIVERED" } });
    await expectFilter("book", "book", "filter.subtitle.isNull=true", { subtitle: null });
    await expectFilter("book", "book", "filter.subtitle.isNull=false", { subtitle: { not: null } });
    await expectFilter("book", "book", "filter.publisher.isNull=true", { publisherId: null });
    await expectFilter("order", "order", "filter.handledBy.isNull=false", { handledById: { not: null } });
  });

  it("filters by related records' ids, through relations, and on to-many relations", async () => {
    const [first, second] = await api.client.author.findMany({ orderBy: { id: "asc" }, take: 2 });
    const rows = await expectFilter("book", "book", `filter.author.eq=${first.id}`, { authorId: first.id });
    for (const row of rows) expect(row.author.$id).toBe(String(first.id));
    await expectFilter("book", "book", `filter.author.in=${first.id},${second.id}`, {
      authorId: { in: [first.id, second.id] },
    });
    await expectFilter("book", "book", `filter.author.neq=${first.id}`, { authorId: { not: first.id } });
    const letter = first.name.slice(0, 3);
    await expectFilter("book", "book", `filter.author.name.startsWith=${encodeURIComponent(letter)}`, {
      author: { name: { startsWith: letter } },
    });
    const tag = await api.client.tag.findFirst({ orderBy: { id: "asc" } });
    await expectFilter("book", "book", `filter.tags.eq=${tag.id}`, { tags: { some: { id: tag.id } } });
    await expectFilter("book", "book", "filter.awards.isNull=true", { awards: { none: {} } });
    await expectFilter("author", "author", "filter.books.isNull=false", { books: { some: {} } });
    const order = await api.client.order.findFirst({ orderBy: { id: "asc" } });
    await expectFilter("order-item", "orderItem", `filter.order.eq=${order.id}`, { orderId: order.id });
  });

  it("filters by a related record whose id is composite", async () => {
    const item = await api.client.orderItem.findFirst({ orderBy: [{ orderId: "asc" }, { bookId: "asc" }] });
    const inventory = await api.client.inventory.findFirst({ orderBy: { editionId: "asc" } });
    const edition = await api.get(
      `/api/records/edition?filter.inventory.eq=${inventory.editionId},${inventory.warehouseId}`,
    );
    expectStatus(edition, 200);
    expect(edition.body.data.map((row: Row) => row.$id)).toEqual([inventory.editionId]);
    const book = await api.get(`/api/records/book?filter.orderItems.eq=${item.orderId},${item.bookId}`);
    expect(book.body.data.map((row: Row) => row.$id)).toEqual([String(item.bookId)]);
  });

  it("refuses unknown fields, unknown operators and values of the wrong type with 400", async () => {
    const cases: [string, string][] = [
      ["filter.nope.eq=1", "filter.nope.eq"],
      ["filter.title.like=x", "filter.title.like"],
      ["filter.pageCount.contains=1", "filter.pageCount.contains"],
      ["filter.title.gt=a", "filter.title.gt"],
      ["filter.title.isNull=true", "filter.title.isNull"],
      ["filter.pageCount.gt=abc", "filter.pageCount.gt"],
      ["filter.pageCount.in=1,x", "filter.pageCount.in"],
      ["filter.isbn.eq=12.5", "filter.isbn.eq"],
      ["filter.inPrint.eq=yes", "filter.inPrint.eq"],
      ["filter.publishedOn.gte=yesterday", "filter.publishedOn.gte"],
      ["filter.subtitle.isNull=maybe", "filter.subtitle.isNull"],
      ["filter.author.eq=abc", "filter.author.eq"],
      ["filter.author.gt=1", "filter.author.gt"],
      ["filter.author.nope.eq=1", "filter.author.nope.eq"],
      ["filter.metadata.eq=1", "filter.metadata.eq"],
      ["filter.title=x", "filter.title"],
    ];
    for (const [params, field] of cases) {
      expectApiError(await api.get(`/api/records/book?${params}`), 400, "bad_request", [field]);
    }
    expectApiError(await api.get("/api/records/order?filter.status.eq=LOST"), 400, "bad_request", [
      "filter.status.eq",
    ]);
    expectApiError(
      await api.get("/api/records/edition?filter.inventory.eq=only-one-part"),
      400,
      "bad_request",
      ["filter.inventory.eq"],
    );
  });
});

describe("search", () => {
  it("matches the search fields whatever the case", async () => {
    const customer = await api.client.customer.findFirst({ orderBy: { id: "asc" } });
    const word = customer.lastName.slice(0, 4);
    const lower = await api.get(
      `/api/records/customer?perPage=200&q=${encodeURIComponent(word.toLowerCase())}`,
    );
    const upper = await api.get(
      `/api/records/customer?perPage=200&q=${encodeURIComponent(word.toUpperCase())}`,
    );
    expectStatus(lower, 200);
    expect(lower.body.total).toBeGreaterThan(0);
    expect(upper.body.data.map((row: Row) => row.$id)).toEqual(lower.body.data.map((row: Row) => row.$id));
    expect(lower.body.data.map((row: Row) => row.$id)).toContain(String(customer.id));
    for (const row of lower.body.data) {
      const text = `${row.email} ${row.firstName} ${row.lastName}`.toLowerCase();
      expect(text).toContain(word.toLowerCase());
    }
  });

  it("combines search with filters and refuses it on models without search fields", async () => {
    const res = await api.get("/api/records/book?q=THE&filter.inPrint.eq=true&perPage=200");
    expectStatus(res, 200);
    const expected = await api.client.book.count({ where: { title: { contains: "the" }, inPrint: true } });
    expect(res.body.total).toBe(expected);
    // Order items have no text of their own: q searches their order's number and book's title.
    const order = await api.client.order.findFirst({
      where: { items: { some: {} } },
      orderBy: { id: "asc" },
    });
    const items = await api.get(`/api/records/order-item?q=${order.number}&perPage=100`);
    expectStatus(items, 200);
    expect(items.body.total).toBe(await api.client.orderItem.count({ where: { orderId: order.id } }));
  });
});

describe("records", () => {
  it("carries $id and $label, to-one relations as references and to-many relations as counts", async () => {
    const book = await api.client.book.findFirst({
      where: { publisherId: { not: null }, editions: { some: {} } },
      include: { author: true, publisher: true, _count: { select: { editions: true, tags: true } } },
      orderBy: { id: "asc" },
    });
    const res = await api.get(`/api/records/book/${book.id}`);
    expectStatus(res, 200);
    const row = res.body.data;
    expect(row.$id).toBe(String(book.id));
    expect(row.$label).toBe(book.title);
    expect(row.author).toEqual({ $id: String(book.authorId), $label: book.author.name });
    expect(row.publisher).toEqual({ $id: String(book.publisherId), $label: book.publisher.name });
    expect(row.editions).toBe(book._count.editions);
    expect(row.tags).toBe(book._count.tags);
  });

  it("encodes DateTime as ISO text, BigInt and Decimal as exact text, Bytes as base64 and Json as JSON", async () => {
    const book = await api.client.book.findFirst({
      where: { coverThumb: { not: null }, metadata: { not: null }, publishedOn: { not: null } },
      orderBy: { id: "asc" },
    });
    const row = (await api.get(`/api/records/book/${book.id}`)).body.data;
    expect(row.isbn).toBe(String(book.isbn));
    expect(row.publishedOn).toBe(book.publishedOn.toISOString());
    expect(row.metadata).toEqual(book.metadata);
    expect(Buffer.from(row.coverThumb, "base64")).toEqual(Buffer.from(book.coverThumb));
    expect(Buffer.from(row.coverThumb, "base64").subarray(1, 4).toString()).toBe("PNG");
    const edition = await api.client.edition.findFirst({ orderBy: { id: "asc" } });
    const wireEdition = (await api.get(`/api/records/edition/${edition.id}`)).body.data;
    expect(wireEdition.price).toBe(edition.price.toFixed());
    expect(typeof wireEdition.price).toBe("string");
  });

  it("addresses every record of every model by its $id, composite and unique identities included", async () => {
    for (const key of [
      "order-item",
      "inventory",
      "exchange-rate",
      "setting",
      "customer-profile",
      "edition",
    ]) {
      const list = await api.get(`/api/records/${key}?perPage=30`);
      expectStatus(list, 200);
      expect(list.body.data.length, key).toBeGreaterThan(0);
      for (const row of list.body.data) {
        const one = await api.get(`/api/records/${key}/${encodeURIComponent(row.$id)}`);
        expectStatus(one, 200);
        expect(one.body.data).toEqual(row);
      }
    }
    const item = await api.client.orderItem.findFirst({ orderBy: [{ orderId: "asc" }, { bookId: "asc" }] });
    const res = await api.get(`/api/records/order-item/${item.orderId},${item.bookId}`);
    expect(res.body.data.$id).toBe(`${item.orderId},${item.bookId}`);
    const rate = await api.client.exchangeRate.findFirst({ orderBy: { day: "asc" } });
    const rateId = `${rate.currency},${encodeURIComponent(rate.day.toISOString())}`;
    const rateRes = await api.get(`/api/records/exchange-rate/${encodeURIComponent(rateId)}`);
    expect(rateRes.body.data).toMatchObject({ $id: rateId, rate: rate.rate.toFixed() });
  });

  it("answers 404 for unknown ids and 400 for malformed ones", async () => {
    expectApiError(await api.get("/api/records/book/99999999"), 404, "not_found");
    expectApiError(await api.get("/api/records/order-item/99999,99999"), 404, "not_found");
    expectApiError(await api.get("/api/records/setting/no-such-key"), 404, "not_found");
    expectApiError(await api.get("/api/records/book/abc"), 400, "bad_request", ["$id"]);
    expectApiError(await api.get("/api/records/book/1.5"), 400, "bad_request", ["$id"]);
    expectApiError(await api.get("/api/records/book/99999999999"), 400, "bad_request", ["$id"]);
    expectApiError(await api.get("/api/records/order-item/1"), 400, "bad_request", ["$id"]);
    expectApiError(await api.get("/api/records/order-item/1,2,3"), 400, "bad_request", ["$id"]);
    expectApiError(await api.get("/api/records/order-item/1,x"), 400, "bad_request", ["$id"]);
    expectApiError(await api.get("/api/records/exchange-rate/EUR,notadate"), 400, "bad_request", ["$id"]);
    expectApiError(await api.get("/api/records/nope/1"), 404, "unknown_model");
  });

  it("loads a page with the same number of SQL queries whatever its size", async () => {
    for (const key of ["book", "order-item", "order"]) {
      api.queries.reset();
      expectStatus(await api.get(`/api/records/${key}?perPage=10`), 200);
      const small = api.queries.count();
      api.queries.reset();
      expectStatus(await api.get(`/api/records/${key}?perPage=50`), 200);
      const large = api.queries.count();
      expect({ key, large }).toEqual({ key, large: small });
      // Rows, count, one query per to-one relation at most, plus one per related record a label reads (an
      // order item's edition is labelled by its book), and one per to-many relation (its counts for the page).
      const toOne = api.model(key).fields.filter((f) => f.kind === "relation" && !f.relation?.toMany);
      const toMany = api.model(key).fields.filter((f) => f.relation?.toMany);
      const labelJoins = toOne.map((f) => {
        const related = api.schema.models.find((m) => m.name === f.relation?.model);
        return related?.titleParts?.filter((part) => related.fields.find((g) => g.name === part)?.relation)
          .length;
      });
      const joins = toOne.length + labelJoins.reduce((sum: number, n) => sum + (n ?? 0), 0);
      expect(small).toBeLessThanOrEqual(2 + joins + toMany.length);
    }
  });
});

describe("derived labels", () => {
  it("labels an order item by its order number and book title, and its edition by book and format", async () => {
    const item = await api.client.orderItem.findFirst({
      include: { order: true, book: true, edition: { include: { book: true } } },
      orderBy: [{ orderId: "asc" }, { bookId: "asc" }],
    });
    const res = await api.get(`/api/records/order-item/${item.orderId},${item.bookId}`);
    expectStatus(res, 200);
    expect(res.body.data.$label).toBe(`${item.order.number} · ${item.book.title}`);
    expect(res.body.data.edition.$label).toBe(`${item.edition.book.title} · ${item.edition.format}`);
    const list = await api.get("/api/records/order-item?perPage=5");
    for (const row of list.body.data) expect(row.$label).toMatch(/^BK-\d{4}-\d+ · .+/);
  });

  it("finds a book's editions in the picker by part of the book's title", async () => {
    const book = await api.client.book.findFirst({
      where: { editions: { some: {} } },
      include: { editions: true },
      orderBy: { id: "asc" },
    });
    const word = book.title.split(" ").find((part: string) => part.length > 3) ?? book.title;
    const res = await api.get(`/api/lookup/edition?q=${encodeURIComponent(word.toLowerCase())}&limit=100`);
    expectStatus(res, 200);
    const labels = res.body.data.map((item: Row) => item.$label);
    for (const edition of book.editions) expect(labels).toContain(`${book.title} · ${edition.format}`);
    for (const label of labels) expect(label.toLowerCase()).toContain(word.toLowerCase());
  });

  it("labels stock two levels deep and customer profiles by their customer", async () => {
    const stock = await api.client.inventory.findFirst({
      include: { edition: { include: { book: true } }, warehouse: true },
      orderBy: [{ editionId: "asc" }, { warehouseId: "asc" }],
    });
    const res = await api.get(`/api/records/inventory/${stock.editionId},${stock.warehouseId}`);
    expect(res.body.data.$label).toBe(
      `${stock.edition.book.title} · ${stock.edition.format} · ${stock.warehouse.name}`,
    );
    const profile = await api.client.customerProfile.findFirst({ include: { customer: true } });
    const lookup = await api.get(
      `/api/lookup/customer-profile?q=${encodeURIComponent(profile.customer.email)}`,
    );
    expect(lookup.body.data).toEqual([{ $id: profile.id, $label: profile.customer.email }]);
  });
});

describe("look-ups", () => {
  it("offers { $id, $label } pairs matching the text, case-insensitively", async () => {
    const author = await api.client.author.findFirst({ orderBy: { id: "asc" } });
    const word = author.name.split(" ")[0] as string;
    const res = await api.get(`/api/lookup/author?q=${encodeURIComponent(word.toUpperCase())}`);
    expectStatus(res, 200);
    expect(res.body.data).toContainEqual({ $id: String(author.id), $label: author.name });
    for (const item of res.body.data) {
      expect(Object.keys(item).sort()).toEqual(["$id", "$label"]);
      expect(item.$label.toLowerCase()).toContain(word.toLowerCase());
    }
  });

  it("caps the number of results and addresses composite keys", async () => {
    const all = await api.get("/api/lookup/customer");
    expect(all.body.data).toHaveLength(20);
    const few = await api.get("/api/lookup/customer?limit=3");
    expect(few.body.data).toHaveLength(3);
    const many = await api.get("/api/lookup/customer?limit=500");
    expect(many.body.data).toHaveLength(20);
    const inventory = await api.get("/api/lookup/inventory?limit=2");
    for (const item of inventory.body.data) {
      expectStatus(await api.get(`/api/records/inventory/${encodeURIComponent(item.$id)}`), 200);
    }
    expectApiError(await api.get("/api/lookup/customer?limit=0"), 400, "bad_request", ["limit"]);
    expectApiError(await api.get("/api/lookup/nope"), 404, "unknown_model");
  });
});

it("logged no unexpected error", () => {
  expect(api.problems).toEqual([]);
});
