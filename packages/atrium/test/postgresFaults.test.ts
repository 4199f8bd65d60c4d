/**
 * PostgreSQL faults under a write, caused for real through the whole API with the audit history on: the
 * connection of a create, a save or a delete is terminated (`pg_terminate_backend`) while its transaction is
 * open, and every connection of the database is terminated at once while several requests run (a restart, as
 * clients see it). Each request answers 503 `database_unavailable` quickly, never 500; nothing of it stays
 * (neither the change nor its audit entry); the next requests succeed on the same pool.
 *
 * The timing is made deterministic by a test-only trigger that sleeps inside the write's transaction while a
 * row of `fault_pause` names its table and operation: the test waits until pg_stat_activity shows the backend
 * sleeping, then terminates it. Pausing on the record's own statement kills the transaction before its audit
 * entry; pausing on the audit entry's INSERT kills it after the record was written inside it.
 */
import { adminQuery, databaseIsReachable } from "@atrium/prisma/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ApiResponse, expectApiError, expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

const reachable = await databaseIsReachable("postgresql");
if (!reachable) console.warn("PostgreSQL is not reachable on 127.0.0.1:5432: its fault tests are skipped");

/** How long a killed request may take to answer: a clear 503 fast, not a hang until some timeout. */
const answerWithinMs = 3_000;
const auditTable = "atrium_audit_entry";
const recordTable = "Organization";

const pauseSql = [
  "CREATE TABLE fault_pause (tbl text NOT NULL, op text NOT NULL)",
  `CREATE FUNCTION fault_pause_sleep() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF EXISTS (SELECT 1 FROM fault_pause WHERE tbl = TG_TABLE_NAME AND op = TG_OP) THEN
       PERFORM pg_sleep(60);
     END IF;
     RETURN COALESCE(NEW, OLD);
   END $$`,
  `CREATE TRIGGER fault_pause BEFORE INSERT OR UPDATE OR DELETE ON "${recordTable}"
   FOR EACH ROW EXECUTE FUNCTION fault_pause_sleep()`,
  `CREATE TRIGGER fault_pause BEFORE INSERT ON ${auditTable} FOR EACH ROW EXECUTE FUNCTION fault_pause_sleep()`,
];

describe.skipIf(!reachable)("a PostgreSQL connection killed under a write", () => {
  let api: TestApi;
  let databaseName = "";
  let serial = 0;

  beforeAll(async () => {
    api = await openTestApi(testSchemaPath("saas"), { provider: "postgresql" });
    for (const statement of pauseSql) await api.client.$executeRawUnsafe(statement);
    const [row] = (await api.client.$queryRawUnsafe("SELECT current_database() AS name")) as {
      name: string;
    }[];
    databaseName = row?.name ?? "";
  });
  afterAll(async () => {
    await api?.close();
  });
  beforeEach(async () => {
    await api.client.$executeRawUnsafe("DELETE FROM fault_pause");
  });

  const newOrganization = () => {
    serial += 1;
    return { name: `Org ${serial}`, slug: `org-${serial}` };
  };
  const createOrganization = async () => {
    const created = await api.post("/api/records/organization", newOrganization());
    expectStatus(created, 201);
    return created.body.data as { $id: string; $version: string; name: string; slug: string };
  };
  const storedRows = async () =>
    (await api.client.$queryRawUnsafe(`SELECT id, name, slug FROM "${recordTable}" ORDER BY slug`)) as {
      id: string;
      name: string;
      slug: string;
    }[];
  const auditEntries = async () =>
    Number(
      ((await api.client.$queryRawUnsafe(`SELECT COUNT(*) AS n FROM ${auditTable}`)) as { n: bigint }[])[0]
        ?.n,
    );
  const pause = (table: string, operation: "INSERT" | "UPDATE" | "DELETE") =>
    api.client.$executeRawUnsafe("INSERT INTO fault_pause (tbl, op) VALUES ($1, $2)", table, operation);

  /** The pids of the test database's backends sleeping in the trigger, once there are `count` of them. */
  async function sleepingBackends(count: number): Promise<number[]> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const rows = await adminQuery<{ pid: number }>(
        "postgresql",
        "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND wait_event = 'PgSleep'",
        { values: [databaseName] },
      );
      if (rows.length >= count) return rows.map((row) => row.pid);
      await new Promise((wait) => setTimeout(wait, 20));
    }
    throw new Error(`Fewer than ${count} requests reached the sleeping trigger within 10 s`);
  }

  /** Terminates the request's backend while it sleeps inside its transaction; its answer and how long it took. */
  async function killedMidTransaction(
    table: string,
    operation: "INSERT" | "UPDATE" | "DELETE",
    send: () => Promise<ApiResponse>,
  ): Promise<{ response: ApiResponse; afterKillMs: number }> {
    await pause(table, operation);
    const answer = send();
    const [pid] = await sleepingBackends(1);
    await api.client.$executeRawUnsafe("DELETE FROM fault_pause");
    const killedAt = Date.now();
    await adminQuery("postgresql", "SELECT pg_terminate_backend($1)", { values: [pid] });
    const response = await answer;
    return { response, afterKillMs: Date.now() - killedAt };
  }

  function expectUnavailable({ response, afterKillMs }: { response: ApiResponse; afterKillMs: number }) {
    const error = expectApiError(response, 503, "database_unavailable");
    expect(error.message).toMatch(/^The database cannot be reached right now; nothing was saved/);
    expect(afterKillMs).toBeLessThan(answerWithinMs);
  }

  /** The pool recovered by itself: reads and writes right after the fault go through. */
  async function expectRecovered() {
    expectStatus(await api.get("/api/records/organization"), 200);
    const created = await createOrganization();
    expectStatus(await api.patch(`/api/records/organization/${created.$id}`, { name: "Renamed" }), 200);
    expectStatus(await api.get(`/api/records/organization/${created.$id}`), 200);
  }

  describe.each([
    ["the record's own statement", recordTable],
    ["its audit entry", auditTable],
  ])("killed while paused on %s", (_point, table) => {
    it("a create: 503, neither the record nor its audit entry exists, the next requests succeed", async () => {
      const [rowsBefore, auditBefore] = [await storedRows(), await auditEntries()];
      const sent = newOrganization();
      expectUnavailable(
        await killedMidTransaction(table, "INSERT", () => api.post("/api/records/organization", sent)),
      );
      expect(await storedRows()).toEqual(rowsBefore);
      expect(await auditEntries()).toBe(auditBefore);
      await expectRecovered();
    });

    it("a save: 503, the stored row unchanged and no audit entry, the next requests succeed", async () => {
      const organization = await createOrganization();
      const [rowsBefore, auditBefore] = [await storedRows(), await auditEntries()];
      const operation = table === recordTable ? "UPDATE" : "INSERT";
      expectUnavailable(
        await killedMidTransaction(table, operation, () =>
          api.patch(`/api/records/organization/${organization.$id}`, {
            name: "Never saved",
            $version: organization.$version,
          }),
        ),
      );
      expect(await storedRows()).toEqual(rowsBefore);
      expect(await auditEntries()).toBe(auditBefore);
      // The version the client holds is still current: the failed save changed nothing.
      expectStatus(
        await api.patch(`/api/records/organization/${organization.$id}`, {
          name: "Saved",
          $version: organization.$version,
        }),
        200,
      );
      await expectRecovered();
    });

    it("a delete: 503, the record still there and no audit entry, the next requests succeed", async () => {
      const organization = await createOrganization();
      const [rowsBefore, auditBefore] = [await storedRows(), await auditEntries()];
      const operation = table === recordTable ? "DELETE" : "INSERT";
      expectUnavailable(
        await killedMidTransaction(table, operation, () =>
          api.delete(`/api/records/organization/${organization.$id}`),
        ),
      );
      expect(await storedRows()).toEqual(rowsBefore);
      expect(await auditEntries()).toBe(auditBefore);
      expectStatus(await api.get(`/api/records/organization/${organization.$id}`), 200);
      await expectRecovered();
      expect((await api.delete(`/api/records/organization/${organization.$id}`)).status).toBe(204);
    });
  });

  it("a restart as clients see it (every connection terminated at once): fast 503s, nothing half done, recovery", async () => {
    const targets = [await createOrganization(), await createOrganization()];
    const [rowsBefore, auditBefore] = [await storedRows(), await auditEntries()];
    await pause(recordTable, "INSERT");
    await pause(recordTable, "UPDATE");
    await pause(auditTable, "INSERT");
    const inFlight = [
      api.post("/api/records/organization", newOrganization()),
      api.post("/api/records/organization", newOrganization()),
      api.post("/api/records/organization", newOrganization()),
      ...targets.map((target) =>
        api.patch(`/api/records/organization/${target.$id}`, { name: "Never saved" }),
      ),
    ];
    await sleepingBackends(inFlight.length);
    await api.client.$executeRawUnsafe("DELETE FROM fault_pause");
    const killedAt = Date.now();
    const killed = await adminQuery<{ pid: number; terminated: boolean }>(
      "postgresql",
      // In the select list, not the WHERE: PostgreSQL may test a WHERE's conditions in any order.
      "SELECT pid, pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      { values: [databaseName] },
    );
    // Every connection of the pool went, the idle ones too, not only those of the requests.
    expect(killed.filter((backend) => backend.terminated).length).toBeGreaterThan(inFlight.length);
    const answers = await Promise.all(inFlight);
    expect(Date.now() - killedAt).toBeLessThan(answerWithinMs);
    for (const response of answers) expectApiError(response, 503, "database_unavailable");
    expect(await storedRows()).toEqual(rowsBefore);
    expect(await auditEntries()).toBe(auditBefore);
    await expectRecovered();
  });

  it("logged each killed request as the database being unavailable, and nothing as unexpected", () => {
    const messages = api.problems.map((problem) => (problem as { message: string }).message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/^atrium: database_unavailable in /);
  });
});
