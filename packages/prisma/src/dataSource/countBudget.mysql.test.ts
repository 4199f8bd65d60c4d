/**
 * A filtered count on a big table is bounded by time as well as by rows on MariaDB: past its budget the list
 * still answers, its rows and "many" (total null), instead of waiting or failing; and the connection goes back
 * to the pool with its own statement limit, not the count's budget.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientForSchema } from "../runtime/prepareClient.js";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { createPrismaDataSource } from "./createPrismaDataSource.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const reachable = await databaseIsReachable("mysql");

/** The statement limit of the server's connections, in seconds as MariaDB reports it. */
const connectionLimitMs = 5000;

describe.skipIf(!reachable)("a filtered count past its time budget (MariaDB)", () => {
  let db: TestDatabase;
  // biome-ignore lint/suspicious/noExplicitAny: the generated client of the saas schema, used untyped.
  let oneConnection: any;

  beforeAll(async () => {
    db = await openTestDatabase("saas", {
      provider: "mysql",
      dataSource: { countBudgetMs: 0, maxExactCount: 1_000_000 },
    });
    // 300,000 rows (MariaDB's Sequence engine numbers them) and a filter no index serves: no count of them
    // finishes in 10 ms.
    await db.client.$executeRawUnsafe(
      `INSERT INTO Organization (id, name, slug)
       SELECT UUID(), CONCAT('Org ', seq), CONCAT('org-', seq) FROM seq_1_to_300000`,
    );
    await db.client.$executeRawUnsafe("ANALYZE TABLE Organization");
    // One connection, so that the statements after the count run on the connection the count used.
    const url = new URL(db.url);
    url.searchParams.set("connection_limit", "1");
    oneConnection = await createClientForSchema(db.schemaFile, url.href, {
      statementTimeoutMs: connectionLimitMs,
    });
  }, 180_000);

  afterAll(async () => {
    await oneConnection?.$disconnect();
    await db?.close();
  });

  const query = {
    page: 1,
    perPage: 5,
    sort: [{ path: ["slug"], direction: "asc" as const }],
    filters: [{ path: ["name"], op: "contains" as const, value: "7" }],
  };
  const tight = () =>
    createPrismaDataSource({
      client: oneConnection,
      schema: db.schema,
      countBudgetMs: 10,
      maxExactCount: 1_000_000,
    });

  it("answers the page with 'many' rather than waiting for the count", async () => {
    const page = await tight().list(db.model("Organization"), query);
    expect(page.rows).toHaveLength(5);
    expect(page.rows.every((row) => String(row.name).includes("7"))).toBe(true);
    expect(page.total).toBeNull();
    expect(page.totalIsEstimate).toBe(true);
  });

  it("gives the connection back with its own statement limit, and nothing of the count's left in the session", async () => {
    await tight().list(db.model("Organization"), query);
    const [session] = (await oneConnection.$queryRawUnsafe(
      "SELECT @@session.max_statement_time AS statementTime, @atrium_statement_time AS kept",
    )) as { statementTime: number | string; kept: unknown }[];
    expect(Number(session?.statementTime)).toBe(connectionLimitMs / 1000);
    expect(session?.kept).toBeNull();
    // A statement longer than the budget runs to its end on that connection.
    const [slept] = (await oneConnection.$queryRawUnsafe("SELECT SLEEP(0.05) AS interrupted")) as {
      interrupted: number | bigint;
    }[];
    expect(Number(slept?.interrupted)).toBe(0);
  });

  it("counts exactly when the count finishes in time, and unfiltered counts are never cut short", async () => {
    const roomy = await db.dataSource.list(db.model("Organization"), query);
    const withSeven = Array.from({ length: 300_000 }, (_, index) => String(index + 1)).filter((n) =>
      n.includes("7"),
    );
    expect(roomy.total).toBe(withSeven.length);
    expect(roomy.totalIsEstimate).toBe(false);
    const all = await tight().list(db.model("Organization"), { ...query, filters: [] });
    expect(all.total).toBe(300_000);
    expect(all.totalIsEstimate).toBe(false);
  });
});
