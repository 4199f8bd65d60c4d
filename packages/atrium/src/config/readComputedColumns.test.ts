import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SchemaMeta } from "@atrium/core";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import { checkModelsConfig } from "./checkModelsConfig.js";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
let schema: SchemaMeta;

beforeAll(async () => {
  schema = await loadSchemaMetaFromFile(resolve(repository, "prisma/schema.prisma"));
});

/** The problems of `Book.list` with these options, as printed. */
function problems(list: Record<string, unknown>): string[] {
  return checkModelsConfig({ Book: { list } }, schema).checks.map(
    (check) => `${check.code} ${check.message}`,
  );
}

describe("list.computed", () => {
  it("accepts every kind of column, names them in columns, and keeps value functions on the server", () => {
    const shout = (row: Readonly<Record<string, unknown>>) => String(row.title).toUpperCase();
    const result = checkModelsConfig(
      {
        Book: {
          list: {
            columns: ["title", "reviewCount", "averageStars", "shouted"],
            computed: {
              reviewCount: { label: "Reviews", count: "reviews" },
              averageStars: { label: "Avg. stars", average: "reviews.stars" },
              votes: { sum: "reviews.helpfulVotes" },
              lowest: { min: "reviews.stars" },
              highest: { max: "reviews.stars" },
              shouted: { value: shout },
            },
          },
        },
      },
      schema,
    );
    expect(result.checks).toEqual([]);
    const book = result.schema.models.find((model) => model.name === "Book");
    expect(book?.admin?.list?.columns).toEqual(["title", "reviewCount", "averageStars", "shouted"]);
    expect(book?.admin?.list?.computed).toEqual([
      {
        kind: "aggregate",
        name: "reviewCount",
        label: "Reviews",
        aggregate: "count",
        relation: "reviews",
        sortable: true,
      },
      {
        kind: "aggregate",
        name: "averageStars",
        label: "Avg. stars",
        aggregate: "average",
        relation: "reviews",
        field: "stars",
        sortable: false,
      },
      {
        kind: "aggregate",
        name: "votes",
        label: "Votes",
        aggregate: "sum",
        relation: "reviews",
        field: "helpfulVotes",
        sortable: false,
      },
      {
        kind: "aggregate",
        name: "lowest",
        label: "Lowest",
        aggregate: "min",
        relation: "reviews",
        field: "stars",
        sortable: false,
      },
      {
        kind: "aggregate",
        name: "highest",
        label: "Highest",
        aggregate: "max",
        relation: "reviews",
        field: "stars",
        sortable: false,
      },
      { kind: "value", name: "shouted", label: "Shouted", sortable: false },
    ]);
    // The metadata the UI receives has no function in it; the server gets it apart.
    expect(JSON.stringify(book?.admin)).not.toContain("toUpperCase");
    expect(result.computedValues.get("book")?.get("shouted")).toBe(shout);
  });

  it("E110: a column of the wrong shape", () => {
    expect(problems({ computed: ["reviews"] })).toEqual([
      `atrium.E110 models.Book.list.computed: expected an object of columns such as { reviewCount: { count: "reviews" } }, got ["reviews"].`,
    ]);
    expect(
      problems({ computed: { reviewCount: { count: "reviews", sum: "reviews.stars", lable: "R" } } }),
    ).toEqual([
      "atrium.E110 models.Book.list.computed.reviewCount.lable: unknown option 'lable'; did you mean 'label'?",
      "atrium.E110 models.Book.list.computed.reviewCount: give exactly one of count, sum, average, min, max, value; got count and sum.",
    ]);
    expect(problems({ computed: { shouted: { value: "TITLE" } } })).toEqual([
      `atrium.E110 models.Book.list.computed.shouted.value: expected a function (row) => string | number | null, got "TITLE".`,
    ]);
    expect(problems({ computed: { averageStars: { average: "reviews" } } })).toEqual([
      `atrium.E110 models.Book.list.computed.averageStars.average: expected "<relation>.<numeric field>", e.g. "reviews.stars", got "reviews".`,
    ]);
  });

  it("E111: a name that collides with a field, or is not a name", () => {
    expect(
      problems({ computed: { rating: { average: "reviews.stars" }, $id: { count: "reviews" } } }),
    ).toEqual([
      "atrium.E111 models.Book.list.computed.rating: 'rating' is a field of Book; a computed column needs a name of its own.",
      "atrium.E111 models.Book.list.computed.$id: '$id' is not a usable column name; use letters, digits and '_', starting with a letter.",
    ]);
  });

  it("E112: a relation the model does not have, with the nearest one", () => {
    expect(problems({ computed: { reviewCount: { count: "reveiws" } } })).toEqual([
      "atrium.E112 models.Book.list.computed.reviewCount.count: 'reveiws' is not a relation of Book; did you mean 'reviews'?",
    ]);
  });

  it("E113: a field that is not a one-to-many relation", () => {
    expect(
      problems({ computed: { a: { count: "author" }, b: { count: "title" }, c: { count: "tags" } } }),
    ).toEqual([
      "atrium.E113 models.Book.list.computed.a.count: Book.author is a to-one relation; computed aggregates read a one-to-many relation.",
      "atrium.E113 models.Book.list.computed.b.count: Book.title is a String field; computed aggregates read a one-to-many relation.",
      "atrium.E113 models.Book.list.computed.c.count: Book.tags is an implicit many-to-many relation (its join table has no model to aggregate); computed aggregates read a one-to-many relation.",
    ]);
  });

  it("E114: a field the related model does not have", () => {
    expect(problems({ computed: { averageStars: { average: "reviews.strs" } } })).toEqual([
      "atrium.E114 models.Book.list.computed.averageStars.average: 'strs' is not a field of Review; did you mean 'stars'?",
    ]);
  });

  it("E115: a sum, average, min or max of a field that is not a number", () => {
    expect(problems({ computed: { t: { sum: "reviews.title" }, c: { max: "reviews.createdAt" } } })).toEqual([
      "atrium.E115 models.Book.list.computed.t.sum: Review.title is String; sum needs a number field (Int, BigInt, Float or Decimal).",
      "atrium.E115 models.Book.list.computed.c.max: Review.createdAt is DateTime; max needs a number field (Int, BigInt, Float or Decimal).",
    ]);
  });

  it("E116: a column that is neither a field nor a computed column", () => {
    expect(
      problems({ columns: ["title", "reviewCuont"], computed: { reviewCount: { count: "reviews" } } }),
    ).toEqual([
      "atrium.E116 models.Book.list.columns[1]: 'reviewCuont' is neither a field of Book nor a column of list.computed; did you mean 'reviewCount'?",
    ]);
  });
});
