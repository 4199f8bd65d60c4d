/**
 * No lost update: 50 clients saving one record at once from the same `$version` get exactly one save accepted
 * and 49 conflicts, and the record holds the accepted save; saves sent without a version all go through, each
 * recorded in the history from the value the one before it left; of edits, deletes and bulk deletes made from
 * the same version, exactly one happens. On SQLite, PostgreSQL and MariaDB, from two processes with a client of
 * their own each (raceWorkers.ts: on SQLite only other connections race for real). A write the database rolls
 * back to break a deadlock runs again instead of failing.
 */
import {
  type AuditSink,
  type DatabaseProvider,
  encodeRecordId,
  idValuesOf,
  recordVersion,
  type StoredRow,
} from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthStore } from "../systemStore/auth.js";
import { createSystemStore, type SystemStoreClient } from "../systemStore/createSystemStore.js";
import { ensureSystemTables } from "../systemStore/ensureSystemTables.js";
import type { SqlExecutor } from "../systemStore/sqlRunner.js";
import { reachableProviders } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";
import {
  type RaceOutcome,
  type RaceWorkers,
  type RaceWrite,
  startRaceWorkers,
} from "./testing/raceWorkers.js";

const providers: DatabaseProvider[] = ["sqlite", "postgresql", "mysql"];
const reachable = await reachableProviders(providers);
const clients = 50;
const rounds = 20;

/** How many writes were accepted, and the codes of those refused, sorted. */
function tally(outcomes: RaceOutcome[]) {
  return {
    accepted: outcomes.filter((outcome) => outcome.accepted).length,
    refused: outcomes.flatMap((outcome) => (outcome.accepted ? [] : [outcome.code])).sort(),
  };
}

describe.each(providers)("concurrent writes of one record on %s", (provider) => {
  let db: TestDatabase;
  let store: AuthStore;
  let workers: RaceWorkers;
  const org = () => db.model("Organization");
  const newOrg = async (slug: string) => {
    const row = (await db.dataSource.create(org(), {
      scalars: { name: "Start", slug },
      connect: {},
      setMany: {},
    })) as StoredRow;
    return { $id: encodeRecordId(org(), idValuesOf(org(), row)), version: recordVersion(org(), row), row };
  };
  const stored = (row: StoredRow) => db.dataSource.get(org(), idValuesOf(org(), row));
  const historyOf = ($id: string) => store.listAudit({ model: "organization", recordId: $id, limit: 1000 });

  beforeAll(async () => {
    if (!reachable[provider]) return;
    db = await openTestDatabase("saas", { provider });
    await ensureSystemTables(db.client as SystemStoreClient, provider);
    store = createSystemStore(db.client as SystemStoreClient, provider);
    workers = await startRaceWorkers(db, 2);
  }, 180_000);
  afterAll(async () => {
    await workers?.close();
    await db?.close();
  });

  it.skipIf(!reachable[provider])(
    "accepts exactly one of 50 saves made from the same version, in each of 20 rounds",
    async () => {
      const { $id, row } = await newOrg("versioned");
      for (let round = 0; round < rounds; round++) {
        const version = recordVersion(org(), (await stored(row)) ?? {});
        const names = Array.from({ length: clients }, (_, client) => `round ${round} client ${client}`);
        const outcomes = await workers.run(
          names.map((name) => ({
            kind: "update",
            model: "Organization",
            id: $id,
            scalars: { name },
            version,
          })),
        );
        expect({ round, ...tally(outcomes) }).toEqual({
          round,
          accepted: 1,
          refused: Array(clients - 1).fill("conflict"),
        });
        const winner = names[outcomes.findIndex((outcome) => outcome.accepted)];
        expect((await stored(row))?.name).toBe(winner);
      }
      expect(await historyOf($id)).toHaveLength(rounds);
    },
    60_000,
  );

  it.skipIf(!reachable[provider])(
    "accepts every one of 50 saves made without a version, each recorded from the value before it",
    async () => {
      const { $id, row } = await newOrg("unversioned");
      const names = Array.from({ length: clients }, (_, client) => `client ${client}`);
      const outcomes = await workers.run(
        names.map((name) => ({ kind: "update", model: "Organization", id: $id, scalars: { name } })),
      );
      expect(tally(outcomes)).toEqual({ accepted: clients, refused: [] });
      // One unbroken chain: each save's entry starts from the name the save before it left.
      const saves = (await historyOf($id)).filter((entry) => entry.action === "update");
      const olds = saves.map((entry) => entry.changes.name?.old);
      const last = (await stored(row))?.name;
      expect(saves).toHaveLength(clients);
      expect(new Set(olds).size).toBe(clients);
      expect(new Set(olds)).toEqual(
        new Set(["Start", ...saves.map((entry) => entry.changes.name?.new).filter((name) => name !== last)]),
      );
    },
    60_000,
  );

  it.skipIf(!reachable[provider])(
    "lets exactly one of edits, deletes and bulk deletes made from the same version happen",
    async () => {
      for (let round = 0; round < rounds / 2; round++) {
        const { $id, version, row } = await newOrg(`mixed-${round}`);
        const writes: RaceWrite[] = Array.from({ length: clients }, (_, client) => {
          const model = "Organization";
          if (client % 3 === 1) return { kind: "delete", model, id: $id, version };
          if (client % 3 === 2)
            return { kind: "deleteMany", model, ids: [$id], versions: { [$id]: version } };
          return { kind: "update", model, id: $id, scalars: { name: `client ${client}` }, version };
        });
        const outcomes = await workers.run(writes);
        const { accepted, refused } = tally(outcomes);
        const winner = writes[outcomes.findIndex((outcome) => outcome.accepted)];
        expect({ round, accepted }).toEqual({ round, accepted: 1 });
        // The others found the record changed, or gone.
        expect(new Set(refused)).toEqual(new Set(winner?.kind === "update" ? ["conflict"] : ["not_found"]));
        const now = await stored(row);
        if (winner?.kind === "update") expect(now?.name).toBe(winner.scalars.name);
        else expect(now).toBeNull();
        expect((await historyOf($id)).map((entry) => entry.action)).toEqual([
          { update: "update", delete: "delete", deleteMany: "bulk_delete" }[winner?.kind ?? "update"],
        ]);
      }
    },
    60_000,
  );

  it.skipIf(!reachable[provider] || provider === "sqlite")(
    "runs a write again when the database rolled it back to break a deadlock, instead of failing it",
    async () => {
      const [left, right] = [await newOrg("deadlock-left"), await newOrg("deadlock-right")];
      const quote = (name: string) => (provider === "mysql" ? `\`${name}\`` : `"${name}"`);
      const touch = `UPDATE ${quote("Organization")} SET ${quote("name")} = ${quote("name")} WHERE ${quote("id")} = ${provider === "mysql" ? "?" : "$1"}`;
      // Each write, holding its own record, waits for both to get there and then touches the other's record.
      let arrived = 0;
      let bothArrived = () => {};
      const barrier = new Promise<void>((resolve) => {
        bothArrived = resolve;
      });
      let recorded = 0;
      const crossing = (other: StoredRow): AuditSink => ({
        async record(tx) {
          recorded += 1;
          if (++arrived === 2) bothArrived();
          if (arrived <= 2) await barrier;
          await (tx as SqlExecutor).$executeRawUnsafe(touch, other.id);
          return `entry ${recorded}`;
        },
      });
      const rename = (row: StoredRow, other: StoredRow, name: string) =>
        db.dataSource.update(
          org(),
          idValuesOf(org(), row),
          { scalars: { name }, connect: {}, setMany: {} },
          { audit: crossing(other) },
        );
      await expect(
        Promise.all([rename(left.row, right.row, "Left"), rename(right.row, left.row, "Right")]),
      ).resolves.toHaveLength(2);
      // The database broke the deadlock by rolling one back; it ran again, after the other committed.
      expect(recorded).toBe(3);
      expect([(await stored(left.row))?.name, (await stored(right.row))?.name]).toEqual(["Left", "Right"]);
    },
    30_000,
  );
});
