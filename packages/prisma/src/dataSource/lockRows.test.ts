/**
 * The lock a write takes before it reads: on PostgreSQL and MySQL it must find the record's row whatever the
 * key's type (BigInt, Decimal, DateTime, compound), the renames (@map, @@map) and the database schema (@@schema);
 * a row it misses would be written unlocked. On SQLite it must make the transaction the database's writer.
 */
import { type DatabaseProvider, decodeRecordId } from "@atrium/core";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reachableProviders } from "../testing/databaseIsReachable.js";
import { type LockPurpose, lockRows } from "./lockRows.js";
import type { QueryClient } from "./prismaClient.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const providers: DatabaseProvider[] = ["sqlite", "postgresql", "mysql"];
const reachable = await reachableProviders(providers);

/** Locks the records with these `$id`s in a transaction of their own; resolves how many rows it locked. */
function locked(db: TestDatabase, modelName: string, ids: string[], purpose: LockPurpose = "update") {
  const model = db.model(modelName);
  return db.client.$transaction((tx: QueryClient) =>
    lockRows(
      tx,
      db.schema.provider,
      model,
      ids.map((id) => decodeRecordId(model, id)),
      purpose,
    ),
  );
}

describe.each(providers)("row locks on %s", (provider) => {
  let typed: TestDatabase;
  let keys: TestDatabase;
  const day = new Date("2024-05-01T00:00:00.000Z");
  const departure = new Date("2024-05-01T10:30:00.000Z");

  beforeAll(async () => {
    if (!reachable[provider]) return;
    [typed, keys] = await Promise.all([
      openTestDatabase("typedKeys", { provider }),
      openTestDatabase("keys", { provider }),
    ]);
    await typed.client.account.create({ data: { id: 12345678901234567n, name: "Big" } });
    await typed.client.account.create({ data: { id: 2n, name: "Small" } });
    await typed.client.rate.create({ data: { value: "1.25", name: "Rate" } });
    await typed.client.day.create({ data: { on: day, name: "May Day" } });
    await typed.client.slot.create({ data: { code: "a", seq: 1, name: "Slot" } });
    await keys.client.country.create({ data: { isoCode: "FR", name: "France" } });
    for (const iata of ["CDG", "LYS"]) {
      await keys.client.airport.create({ data: { iata, name: iata, countryCode: "FR" } });
    }
    await keys.client.flight.create({
      data: { number: "AF1", departureDate: departure, originCode: "CDG", destinationCode: "LYS" },
    });
    await keys.client.product.create({ data: { sku: "P1", title: "Pen", priceCents: 100 } });
    await keys.client.order.create({ data: { orderNo: 7 } });
    await keys.client.orderLine.create({ data: { orderNo: 7, lineNo: 1, productSku: "P1" } });
    await keys.client.passenger.create({ data: { passport: "X1", fullName: "Ann" } });
    await keys.client.booking.create({
      data: { ref: "B1", passport: "X1", flightNumber: "AF1", flightDate: departure },
    });
  }, 180_000);
  afterAll(async () => {
    await Promise.all([typed?.close(), keys?.close()]);
  });

  const rowLocks = provider !== "sqlite";

  it.skipIf(!reachable[provider] || !rowLocks)(
    "finds the row of a record by a key of any type and by renamed tables and columns",
    async () => {
      const cases: [TestDatabase, string, string][] = [
        [typed, "Account", "12345678901234567"],
        [typed, "Rate", "1.25"],
        [typed, "Day", day.toISOString()],
        [typed, "Slot", "a,1"],
        [keys, "Country", "FR"],
        [keys, "Flight", `AF1,${departure.toISOString()}`],
        [keys, "OrderLine", "7,1"],
        [keys, "Booking", "B1"],
        [keys, "Passenger", "X1"],
      ];
      for (const [db, model, id] of cases) {
        for (const purpose of ["update", "delete"] as const) {
          expect({ model, purpose, rows: await locked(db, model, [id], purpose) }).toEqual({
            model,
            purpose,
            rows: 1,
          });
        }
      }
      expect(await locked(typed, "Account", ["2", "12345678901234567"], "delete")).toBe(2);
      expect(await locked(keys, "OrderLine", ["7,1", "7,2"], "delete")).toBe(1);
      expect(await locked(typed, "Account", ["3"])).toBe(0);
    },
  );

  it.skipIf(!reachable[provider] || rowLocks)("makes the transaction the database's one writer", async () => {
    const other = new Database(typed.url.replace(/^file:/, ""), { timeout: 0 });
    try {
      await typed.client.$transaction(async (tx: QueryClient) => {
        await lockRows(tx, provider, typed.model("Account"), [{ id: 2n }], "update");
        // Another connection can neither begin writing nor write until this transaction ends.
        expect(() => other.exec("BEGIN IMMEDIATE")).toThrow(/database is locked/);
      });
      expect(() => other.exec("BEGIN IMMEDIATE; ROLLBACK")).not.toThrow();
    } finally {
      other.close();
    }
  });
});

describe.skipIf(!reachable.postgresql)("row locks in a PostgreSQL schema of their own (@@schema)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase("extensions.postgres", { provider: "postgresql" });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  it("finds the row of a record in the schema its model names", async () => {
    const member = await db.client.member.create({ data: { email: "ada@example.org", name: "Ada" } });
    const note = await db.client.note.create({ data: { body: "Engine", authorId: member.id } });
    expect(db.model("Note").dbSchema).toBe("library");
    expect(await locked(db, "Note", [String(note.id)])).toBe(1);
    expect(await locked(db, "Member", [member.id], "delete")).toBe(1);
  });
});
