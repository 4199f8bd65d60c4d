/**
 * A filtered list's bounded count on PostgreSQL reads the rows its filter finds, without sorting them and
 * without walking the primary key's index in order: the order Prisma gives a bounded count by default, which
 * made a list filtered by status 4 to 5 times the raw count at a million orders (bench/scale). The count
 * of the first N rows does not depend on their order; countRows.ts orders by the column the filter pins.
 */

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type QueryEvent, type TestDatabase } from "./testing/openTestDatabase.js";

const reachable = await databaseIsReachable("postgresql");

describe.skipIf(!reachable)("a filtered count's plan (PostgreSQL)", () => {
  let db: TestDatabase;
  let recording: QueryEvent[] | undefined;

  beforeAll(async () => {
    db = await openTestDatabase("relationCounts", {
      provider: "postgresql",
      onQuery: (event) => recording?.push({ query: event.query, params: event.params }),
      dataSource: { maxExactCount: 100 },
    });
    await db.client.team.createMany({ data: [{ name: "Home" }, { name: "Away" }] });
    const teams = await db.client.team.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    await db.client.player.createMany({
      data: Array.from({ length: 3000 }, (_, at) => ({
        code: `p${at}`,
        name: `Player ${at}`,
        teamId: teams[at % 2]?.id,
      })),
    });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  it("counts the rows an equality filter finds in no order, and says 'more than' past the bound", async () => {
    const player = db.model("Player");
    const [home] = await db.client.team.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 1 });
    const statements: QueryEvent[] = [];
    recording = statements;
    const page = await db.dataSource
      .list(player, {
        page: 1,
        perPage: 10,
        sort: [],
        filters: [{ path: ["teamId"], op: "eq", value: home?.id }],
      })
      .finally(() => {
        recording = undefined;
      });
    expect(page.rows).toHaveLength(10);
    expect({ total: page.total, estimate: page.totalIsEstimate }).toEqual({ total: 100, estimate: true });

    // The list's total, a count over a subquery of the players (the page's transfer counts group by player).
    const count = statements.find((statement) => /^SELECT COUNT\(\*\).* FROM \(SELECT/.test(statement.query));
    if (!count) throw new Error(`no count among ${statements.map((s) => s.query).join("\n")}`);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const params = JSON.parse(count.params || "[]") as unknown[];
      const plan = await client.query(`EXPLAIN ${count.query}`, params);
      const text = plan.rows.map((row) => row["QUERY PLAN"]).join("\n");
      expect(text).not.toMatch(/\bSort\b/);
      expect(text).not.toMatch(/Player_pkey/);
    } finally {
      await client.end();
    }
  });
});
