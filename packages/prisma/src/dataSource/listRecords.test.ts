/**
 * The sort guard of a list over the data source, on SQLite and PostgreSQL: how big the list is comes from its
 * bounded count, counted on up to the limit when the count's own bound is lower, and on PostgreSQL from the
 * planner's estimate past that bound.
 */
import { AtriumError, type DatabaseProvider, type ListQuery } from "@atrium/core";
import { afterEach, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const providers: DatabaseProvider[] = ["sqlite", "postgresql"];
const reachable = new Map(
  await Promise.all(
    providers.map(async (provider) => [provider, await databaseIsReachable(provider)] as const),
  ),
);

function sortedBy(field: string, filters: ListQuery["filters"] = []): ListQuery {
  return {
    page: 1,
    perPage: 5,
    sort: [
      { path: [field], direction: "asc" },
      { path: ["id"], direction: "asc" },
    ],
    filters,
  };
}

async function refusal(work: Promise<unknown>): Promise<AtriumError> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AtriumError);
  expect((error as AtriumError).code).toBe("sort_needs_index");
  return error as AtriumError;
}

for (const provider of providers) {
  describe.skipIf(!reachable.get(provider))(`the sort guard on ${provider}`, () => {
    let db: TestDatabase | undefined;
    afterEach(async () => {
      await db?.close();
      db = undefined;
    });

    async function withOrganizations(count: number, options: { maxExactCount: number; limit: number }) {
      db = await openTestDatabase("saas", {
        provider,
        dataSource: { maxExactCount: options.maxExactCount, unindexedSortLimit: options.limit },
      });
      await db.client.organization.createMany({
        data: Array.from({ length: count }, (_, n) => ({ name: `Org ${count - n}`, slug: `org-${n}` })),
      });
      return db;
    }

    it("sorts by an indexed field at any size, by another only up to the limit", async () => {
      const open = await withOrganizations(4, { maxExactCount: 100, limit: 3 });
      const org = open.model("Organization");
      const bySlug = await open.dataSource.list(org, sortedBy("slug"));
      expect(bySlug).toMatchObject({ total: 4, sortNeedsIndex: true });
      const error = await refusal(open.dataSource.list(org, sortedBy("name")));
      expect(error.message).toMatch(/\(4 rows\): add @@index\(\[name\]\) to model Organization/);
      const few = await open.dataSource.list(
        org,
        sortedBy("name", [{ path: ["name"], op: "in", value: ["Org 1", "Org 2"] }]),
      );
      expect(few.rows.map((row) => row.name)).toEqual(["Org 1", "Org 2"]);
      expect(few.sortNeedsIndex).toBe(false);
    });

    it("counts on up to the limit when the count stops below it", async () => {
      const atLimit = await withOrganizations(3, { maxExactCount: 2, limit: 3 });
      const org = atLimit.model("Organization");
      const listed = await atLimit.dataSource.list(org, sortedBy("name"));
      expect(listed.rows.map((row) => row.name)).toEqual(["Org 1", "Org 2", "Org 3"]);
      // The list's own count keeps its bound; not knowing, the list still offers every sort.
      expect(listed).toMatchObject({ total: 2, totalIsEstimate: true, sortNeedsIndex: false });
      await atLimit.client.organization.create({ data: { name: "Org 4", slug: "org-4" } });
      const error = await refusal(atLimit.dataSource.list(org, sortedBy("name")));
      expect(error.message).toContain("(more than 3 rows)");
    });

    it("never refuses with limit 0", async () => {
      const open = await withOrganizations(4, { maxExactCount: 2, limit: 0 });
      const listed = await open.dataSource.list(open.model("Organization"), sortedBy("name"));
      expect(listed.rows).toHaveLength(4);
      expect(listed.sortNeedsIndex).toBe(false);
    });
  });
}

describe.skipIf(!reachable.get("postgresql"))("the sort guard past the count's bound on PostgreSQL", () => {
  it("takes the planner's estimate of the table as its size", async () => {
    const db = await openTestDatabase("saas", {
      provider: "postgresql",
      dataSource: { maxExactCount: 2, unindexedSortLimit: 5 },
    });
    try {
      await db.client.organization.createMany({
        data: Array.from({ length: 40 }, (_, n) => ({ name: `Org ${n}`, slug: `org-${n}` })),
      });
      await db.client.$executeRawUnsafe('ANALYZE "Organization"');
      const org = db.model("Organization");
      const listed = await db.dataSource.list(org, sortedBy("slug"));
      expect(listed).toMatchObject({ total: 40, totalIsEstimate: true, sortNeedsIndex: true });
      const error = await refusal(db.dataSource.list(org, sortedBy("createdAt")));
      expect(error.message).toContain("(about 40 rows): add @@index([createdAt])");
    } finally {
      await db.close();
    }
  });
});
