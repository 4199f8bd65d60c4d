/**
 * A filtered count on a big table is bounded by time as well as by rows on PostgreSQL: past its budget the list
 * still answers, its rows and "many" (total null), instead of waiting or failing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const reachable = await databaseIsReachable("postgresql");

describe.skipIf(!reachable)("a filtered count past its time budget (PostgreSQL)", () => {
  let tight: TestDatabase;
  let roomy: TestDatabase;

  beforeAll(async () => {
    // A 1 ms budget, and a filter no index serves over 300,000 rows: the count cannot finish in time.
    tight = await openTestDatabase("saas", {
      provider: "postgresql",
      dataSource: { countBudgetMs: 1, maxExactCount: 1_000_000 },
    });
    await tight.client.$executeRawUnsafe(
      `INSERT INTO "Organization" (id, name, slug)
       SELECT gen_random_uuid()::text, 'Org ' || g, 'org-' || g FROM generate_series(1, 300000) g`,
    );
    await tight.client.$executeRawUnsafe('ANALYZE "Organization"');
    roomy = await openTestDatabase("saas", { provider: "postgresql", dataSource: { countBudgetMs: 0 } });
    await roomy.client.organization.createMany({
      data: [1, 2, 3].map((n) => ({ name: `Org ${n}`, slug: `org-${n}` })),
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([tight?.close(), roomy?.close()]);
  });

  const query = {
    page: 1,
    perPage: 5,
    sort: [{ path: ["slug"], direction: "asc" as const }],
    filters: [{ path: ["name"], op: "contains" as const, value: "7" }],
  };

  it("answers the page with 'many' rather than waiting for the count", async () => {
    const page = await tight.dataSource.list(tight.model("Organization"), query);
    expect(page.rows).toHaveLength(5);
    expect(page.rows.every((row) => String(row.name).includes("7"))).toBe(true);
    expect(page.total).toBeNull();
    expect(page.totalIsEstimate).toBe(true);
    // The connection went back to the pool without the budget: the next statement is not cut short.
    const [slow] = (await tight.client.$queryRawUnsafe("SELECT pg_sleep(0.05)::text AS slept, 1 AS ok")) as {
      ok: number;
    }[];
    expect(Number(slow?.ok)).toBe(1);
  });

  it("counts exactly when the count finishes in time, and unfiltered counts are never cut short", async () => {
    const filtered = await roomy.dataSource.list(roomy.model("Organization"), query);
    expect(filtered.total).toBe(0);
    expect(filtered.totalIsEstimate).toBe(false);
    const all = await tight.dataSource.list(tight.model("Organization"), { ...query, filters: [] });
    expect(all.total).toBe(300_000);
    expect(all.totalIsEstimate).toBe(false);
  });
});
