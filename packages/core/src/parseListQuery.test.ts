import { describe, expect, it } from "vitest";
import { AtriumError } from "./errors.js";
import type { ModelMeta } from "./metadata.js";
import { parseListQuery } from "./parseListQuery.js";
import { author, book, country, orderItem, schema, shipment } from "./testing/fixtures.js";

function parse(query: string, model = book, options = {}) {
  return parseListQuery(schema, model, new URLSearchParams(query), options);
}

function fieldsOf(query: string, model = book): Record<string, string> {
  try {
    parse(query, model);
  } catch (error) {
    if (error instanceof AtriumError && error.code === "bad_request") return { ...error.fields };
    throw error;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe("parseListQuery: paging", () => {
  it("starts at page 1 with 25 rows, newest first", () => {
    expect(parse("")).toEqual({
      page: 1,
      perPage: 25,
      sort: [{ path: ["id"], direction: "desc" }],
      filters: [],
    });
  });

  it("clamps perPage to the maximum instead of refusing", () => {
    expect(parse("page=3&perPage=1000").perPage).toBe(200);
    expect(parse("perPage=1000", book, { maxPerPage: 50 }).perPage).toBe(50);
    expect(parse("", book, { defaultPerPage: 10 }).perPage).toBe(10);
    expect(parse("page=3&perPage=40")).toMatchObject({ page: 3, perPage: 40 });
  });

  it("refuses pages and sizes that are not positive whole numbers", () => {
    expect(fieldsOf("page=0")).toEqual({ page: "Expected a whole number of 1 or more for page" });
    expect(fieldsOf("page=two&perPage=-5")).toEqual({
      page: "Expected a whole number of 1 or more for page",
      perPage: "Expected a whole number of 1 or more for perPage",
    });
    expect(fieldsOf("page=1.5")).toHaveProperty("page");
    expect(fieldsOf("page=99999999999")).toEqual({
      page: "This page is too far; narrow the list with filters",
    });
  });
});

describe("parseListQuery: sort", () => {
  it("reads a comma list with '-' for descending and ends with the id fields ascending", () => {
    expect(parse("sort=-publishedAt,title").sort).toEqual([
      { path: ["publishedAt"], direction: "desc" },
      { path: ["title"], direction: "asc" },
      { path: ["id"], direction: "asc" },
    ]);
  });

  it("does not repeat an id field the user already sorts on", () => {
    expect(parse("sort=-id").sort).toEqual([{ path: ["id"], direction: "desc" }]);
    expect(parse("sort=bookId", orderItem).sort).toEqual([
      { path: ["bookId"], direction: "asc" },
      { path: ["orderId"], direction: "asc" },
    ]);
  });

  it("sorts by fields of to-one relations", () => {
    expect(parse("sort=author.name").sort[0]).toEqual({ path: ["author", "name"], direction: "asc" });
  });

  it("uses the configured ordering when the URL names no sort, skipping what this view of the model lacks", () => {
    const configured = {
      ...book,
      fields: book.fields.filter((field) => field.name !== "pages"),
      admin: { list: { ordering: ["-pages", "author.name", "-title"], perPage: 10 } },
    };
    expect(parse("", configured)).toMatchObject({
      perPage: 10,
      sort: [
        { path: ["author", "name"], direction: "asc" },
        { path: ["title"], direction: "desc" },
        { path: ["id"], direction: "asc" },
      ],
    });
    expect(parse("sort=id&perPage=5", configured)).toMatchObject({
      perPage: 5,
      sort: [{ path: ["id"], direction: "asc" }],
    });
  });

  it("refuses unknown, unsortable and to-many sort paths with a 400 on `sort`", () => {
    expect(fieldsOf("sort=x")).toEqual({ sort: "Unknown field 'x' on Book" });
    expect(fieldsOf("sort=author.nope")).toEqual({ sort: "Unknown field 'nope' on Author" });
    expect(fieldsOf("sort=extra").sort).toContain("Cannot sort by 'extra'");
    expect(fieldsOf("sort=cover").sort).toContain("Cannot sort by 'cover'");
    expect(fieldsOf("sort=keywords").sort).toContain("Cannot sort by 'keywords'");
    expect(fieldsOf("sort=author").sort).toContain("Cannot sort by 'author'");
    expect(fieldsOf("sort=tags.name").sort).toContain("to-many");
    expect(fieldsOf("sort=title.length").sort).toContain("not a relation");
    expect(fieldsOf("sort=title,title")).toEqual({ sort: "Sorted by 'title' twice" });
    expect(fieldsOf("sort=title,,id")).toEqual({ sort: "Expected a field name between the commas" });
  });
});

describe("parseListQuery: sort by a computed column", () => {
  const withComputed: ModelMeta = {
    ...book,
    admin: {
      list: {
        computed: [
          {
            kind: "aggregate" as const,
            name: "itemCount",
            label: "Items",
            aggregate: "count",
            relation: "orderItems",
            sortable: true,
          },
          {
            kind: "aggregate" as const,
            name: "averageQuantity",
            label: "Avg. quantity",
            aggregate: "average",
            relation: "orderItems",
            field: "quantity",
            sortable: false,
          },
          { kind: "value", name: "shouted", label: "Shouted", sortable: false },
        ],
      },
    },
  };

  it("sorts by a computed count, by its relation's count", () => {
    expect(parse("sort=-itemCount", withComputed).sort).toEqual([
      { path: ["orderItems"], direction: "desc", count: true },
      { path: ["id"], direction: "asc" },
    ]);
  });

  it("refuses other computed columns, and a cursor with a count sort, naming why", () => {
    expect(fieldsOf("sort=averageQuantity", withComputed).sort).toBe(
      "Cannot sort by 'averageQuantity': it is a computed average, which the database cannot order by; only computed counts sort",
    );
    expect(fieldsOf("sort=shouted", withComputed).sort).toContain("a value computed per row");
    expect(fieldsOf("sort=itemCount&cursor=abc", withComputed).cursor).toBe(
      "A list sorted by a computed count pages by number; give a page, not a cursor",
    );
  });
});

describe("parseListQuery: search", () => {
  it("trims q and treats blank as no search", () => {
    expect(parse("q=%20dune%20").search).toBe("dune");
    expect(parse("q=%20%20")).not.toHaveProperty("search");
  });

  it("refuses q on a model without search fields rather than ignoring it", () => {
    expect(fieldsOf("q=fr", country)).toEqual({ q: "Countrys cannot be searched: no search fields" });
  });
});

describe("parseListQuery: filters", () => {
  it("decodes scalar filters to typed values", () => {
    expect(
      parse("filter.pages.gte=100&filter.format.in=EBOOK,PAPERBACK&filter.isbn.isNull=true").filters,
    ).toEqual([
      { path: ["pages"], op: "gte", value: 100 },
      { path: ["format"], op: "in", value: ["EBOOK", "PAPERBACK"] },
      { path: ["isbn"], op: "isNull", value: true },
    ]);
  });

  it("follows to-one and to-many relations in the path", () => {
    expect(parse("filter.author.name.contains=her").filters).toEqual([
      { path: ["author", "name"], op: "contains", value: "her" },
    ]);
    expect(parse("filter.tags.name.eq=scifi").filters).toEqual([
      { path: ["tags", "name"], op: "eq", value: "scifi" },
    ]);
  });

  it("compares relations by the related $id, composite ids included", () => {
    expect(parse("filter.author.eq=3").filters).toEqual([{ path: ["author"], op: "eq", value: { id: 3 } }]);
    expect(parse("filter.tags.in=t1,t2").filters[0]?.value).toEqual([{ id: "t1" }, { id: "t2" }]);
    // The $ids "o%2C1,7" and "o2,8" joined by a comma, then URL-encoded as a query-string value.
    const ids = new URLSearchParams({ "filter.item.in": "o%2C1,7,o2,8" });
    expect(parseListQuery(schema, shipment, ids).filters[0]?.value).toEqual([
      { orderId: "o,1", bookId: 7 },
      { orderId: "o2", bookId: 8 },
    ]);
    expect(parse("filter.editor.isNull=true").filters[0]).toEqual({
      path: ["editor"],
      op: "isNull",
      value: true,
    });
    expect(parse("filter.books.isNull=false", author).filters[0]?.value).toBe(false);
  });

  it("refuses bad filters with a 400 keyed by the parameter", () => {
    expect(fieldsOf("filter.nope.eq=1")).toEqual({ "filter.nope.eq": "Unknown field 'nope' on Book" });
    expect(fieldsOf("filter.author.nope.eq=1")).toEqual({
      "filter.author.nope.eq": "Unknown field 'nope' on Author",
    });
    expect(fieldsOf("filter.title.like=x")["filter.title.like"]).toContain("Unknown operator 'like'");
    expect(fieldsOf("filter.title=x")).toEqual({ "filter.title": "Expected filter.{field}.{operator}" });
    expect(fieldsOf("filter.pages.contains=1")["filter.pages.contains"]).toContain(
      "Operator 'contains' does not apply to Book.pages",
    );
    expect(fieldsOf("filter.format.contains=E")["filter.format.contains"]).toContain("does not apply");
    expect(fieldsOf("filter.title.isNull=true")["filter.title.isNull"]).toContain("does not apply");
    expect(fieldsOf("filter.author.isNull=true")["filter.author.isNull"]).toContain("does not apply");
    expect(fieldsOf("filter.extra.eq=1")["filter.extra.eq"]).toContain("does not apply");
    expect(fieldsOf("filter.search.isNull=true")["filter.search.isNull"]).toContain("does not apply");
    expect(fieldsOf("filter.pages.gte=many")).toEqual({
      "filter.pages.gte": "Expected a whole number between -2147483648 and 2147483647",
    });
    expect(fieldsOf("filter.author.eq=abc")["filter.author.eq"]).toContain("'abc' is not a valid Id");
    expect(fieldsOf("filter.item.in=o1,7,o2", shipment)["filter.item.in"]).toContain("separated by commas");
  });

  it("accepts isNull on optional fields and on optional to-one relations only", () => {
    expect(parse("filter.publishedAt.isNull=false").filters[0]?.value).toBe(false);
    expect(parse("filter.profile.isNull=true", author).filters[0]?.value).toBe(true);
  });
});

describe("parseListQuery: unknown input", () => {
  it("refuses unknown and repeated parameters, reporting all problems at once", () => {
    expect(fieldsOf("_=123&sort=x&filter.pages.eq=1&filter.pages.eq=2")).toEqual({
      _: "Unknown parameter; use page, perPage, sort, q, cursor or filter.{field}.{operator}",
      sort: "Unknown field 'x' on Book",
      "filter.pages.eq": "Given more than once",
    });
  });

  it("keeps a hostile parameter name as a plain key", () => {
    const fields = fieldsOf("__proto__=1");
    expect(Object.keys(fields)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
