import { describe, expect, it } from "vitest";
import {
  indexLeadingFields,
  listNeedsIndexedSort,
  sortIsIndexed,
  sortNeedsIndexMessage,
} from "./indexedSort.js";
import type { SortSpec } from "./listQuery.js";
import type { DatabaseProvider, ModelMeta, SchemaMeta } from "./metadata.js";
import { autoId, model, relation, scalar } from "./testing/fixtures.js";

const customer = model("Customer", [autoId(), scalar("name", "String")], { titleField: "name" });
const order = model(
  "Order",
  [
    autoId(),
    scalar("number", "String", { isUnique: true }),
    scalar("total", "Decimal"),
    scalar("status", "String"),
    scalar("placedAt", "DateTime"),
    scalar("region", "String"),
    scalar("city", "String"),
    scalar("notes", "String"),
    scalar("customerId", "Int", { isForeignKey: true }),
    relation("customer", "Customer", {
      name: "CustomerToOrder",
      fromFields: ["customerId"],
      toFields: ["id"],
    }),
  ],
  {
    titleField: "number",
    uniqueIndexes: [["region", "city"]],
    indexes: [
      { fields: ["id"], kind: "id" },
      { fields: ["status", "placedAt"], kind: "normal" },
      { fields: ["notes"], kind: "fulltext" },
      { fields: ["total"], kind: "normal", algorithm: "Hash" },
    ],
  },
);

function schemaOn(provider: DatabaseProvider, relationMode?: "prisma"): SchemaMeta {
  return { provider, models: [customer, order], enums: [], ...(relationMode ? { relationMode } : {}) };
}

const by = (path: string, direction: SortSpec["direction"] = "asc"): SortSpec[] => [
  { path: path.split("."), direction },
  { path: ["id"], direction: "asc" },
];

describe("indexLeadingFields", () => {
  it("counts the id, unique fields, the first field of compound uniques and of B-tree @@index", () => {
    const leading = indexLeadingFields(schemaOn("postgresql"), order);
    expect([...leading].sort()).toEqual(["id", "number", "region", "status"]);
  });

  it("counts foreign keys on MySQL/MariaDB, which index them, but not with relationMode = prisma", () => {
    expect(indexLeadingFields(schemaOn("mysql"), order).has("customerId")).toBe(true);
    expect(indexLeadingFields(schemaOn("mysql", "prisma"), order).has("customerId")).toBe(false);
    expect(indexLeadingFields(schemaOn("sqlite"), order).has("customerId")).toBe(false);
    expect(indexLeadingFields(schemaOn("postgresql"), order).has("customerId")).toBe(false);
  });

  it("falls back to the id and unique fields when the metadata lists no indexes", () => {
    const { indexes: _, ...bare } = order;
    expect([...indexLeadingFields(schemaOn("sqlite"), bare as ModelMeta)].sort()).toEqual([
      "id",
      "number",
      "region",
    ]);
  });
});

describe("sortIsIndexed", () => {
  const schema = schemaOn("sqlite");
  it("serves the default sort and sorts led by an indexed field, either way", () => {
    expect(sortIsIndexed(schema, order, [{ path: ["id"], direction: "desc" }])).toBe(true);
    expect(sortIsIndexed(schema, order, [])).toBe(true);
    expect(sortIsIndexed(schema, order, by("number", "desc"))).toBe(true);
    expect(sortIsIndexed(schema, order, by("status"))).toBe(true);
  });

  it("does not serve a field that is not first in its index, nor hash and full-text indexes", () => {
    expect(sortIsIndexed(schema, order, by("placedAt"))).toBe(false);
    expect(sortIsIndexed(schema, order, by("city"))).toBe(false);
    expect(sortIsIndexed(schema, order, by("total"))).toBe(false);
    expect(sortIsIndexed(schema, order, by("notes"))).toBe(false);
  });

  it("never serves a sort through a relation, even on MySQL where the foreign key is indexed", () => {
    expect(sortIsIndexed(schemaOn("mysql"), order, by("customer.name"))).toBe(false);
    expect(sortIsIndexed(schemaOn("mysql"), order, by("customer.id"))).toBe(false);
    expect(sortIsIndexed(schemaOn("mysql"), order, by("customerId"))).toBe(true);
  });
});

describe("listNeedsIndexedSort", () => {
  it("holds above the limit, for an estimate, and for a count that gave up; never with limit 0", () => {
    expect(listNeedsIndexedSort({ total: 100, isEstimate: false }, 100, 100)).toBe(false);
    expect(listNeedsIndexedSort({ total: 101, isEstimate: false }, 100, 1000)).toBe(true);
    expect(listNeedsIndexedSort({ total: 100, isEstimate: true }, 100, 100)).toBe(true);
    expect(listNeedsIndexedSort({ total: null, isEstimate: true }, 100, 100)).toBe(true);
    expect(listNeedsIndexedSort({ total: null, isEstimate: true }, 0, 100)).toBe(false);
  });

  it("does not know when the count stopped below the limit, unless the estimate is above it", () => {
    expect(listNeedsIndexedSort({ total: 50, isEstimate: true }, 100, 50)).toBeUndefined();
    expect(listNeedsIndexedSort({ total: 5000, isEstimate: true }, 100, 50)).toBe(true);
  });
});

describe("sortNeedsIndexMessage", () => {
  it("names the field, the size and the index to add", () => {
    const message = sortNeedsIndexMessage(order, by("total", "desc"), {
      count: { total: 1_000_000, isEstimate: true },
      limit: 100_000,
      countedUpTo: 100_000,
    });
    expect(message).toBe(
      "Sorting orders by Total needs an index on a list this size (about 1,000,000 rows): add @@index([total]) to model Order in the Prisma schema, or filter the list to 100,000 rows or fewer first",
    );
  });

  it("says 'more than' when the count stopped at its bound, and an exact size when it did not", () => {
    const more = { count: { total: 100_000, isEstimate: true }, limit: 100_000, countedUpTo: 100_000 };
    expect(sortNeedsIndexMessage(order, by("city"), more)).toContain("(more than 100,000 rows)");
    const exact = { count: { total: 12, isEstimate: false }, limit: 5, countedUpTo: 100_000 };
    expect(sortNeedsIndexMessage(order, by("city"), exact)).toContain("(12 rows): add @@index([city])");
  });

  it("says no index serves a sort by a computed count, and suggests a filter", () => {
    const sort: SortSpec[] = [{ path: ["customer"], direction: "desc", count: true }];
    const message = sortNeedsIndexMessage(order, sort, {
      count: { total: 200_000, isEstimate: false },
      limit: 100_000,
      countedUpTo: 500_000,
    });
    expect(message).toBe(
      "Sorting orders by their number of customer counts every related row on a list this size (200,000 rows): no index can serve it; filter the list to 100,000 rows or fewer first",
    );
  });

  it("suggests another sort or a filter for a sort through a relation", () => {
    const message = sortNeedsIndexMessage(order, by("customer.name"), {
      count: { total: null, isEstimate: true },
      limit: 100_000,
      countedUpTo: 100_000,
    });
    expect(message).toBe(
      "Sorting orders by Customer reads and sorts every row on a list this size (more rows than could be counted in time): sort by a field of Order that has an index, or filter the list to 100,000 rows or fewer first",
    );
  });
});
