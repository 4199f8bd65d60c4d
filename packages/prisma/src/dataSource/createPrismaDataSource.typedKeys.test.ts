/**
 * Writes through keys of every type Prisma needs in its own form (bigint, Decimal text, Date, a compound
 * @@unique), on SQLite, PostgreSQL and MariaDB: connect and clear to-one relations, set a one-to-one from its
 * back side, replace a many-to-many set, and delete what others point at. Prisma must accept every query
 * Atrium builds (no data source warning) and the values must come back as written.
 */
import type { DatabaseProvider, WriteData } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reachableProviders } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const providers: DatabaseProvider[] = ["sqlite", "postgresql", "mysql"];
const reachable = await reachableProviders(providers);

const big = 9007199254740993n;
const day = new Date("2024-02-29T00:00:00.000Z");

function write(
  scalars: Record<string, unknown>,
  connect: WriteData["connect"] = {},
  setMany: WriteData["setMany"] = {},
): WriteData {
  return { scalars, connect, setMany };
}

describe.each(providers)("typed keys on %s", (provider) => {
  let db: TestDatabase;
  const warnings: string[] = [];

  beforeAll(async () => {
    if (!reachable[provider]) return;
    db = await openTestDatabase("typedKeys", {
      provider,
      dataSource: { warn: (message, error) => warnings.push(`${message}: ${String(error)}`) },
    });
    await db.client.account.create({ data: { id: big, name: "Big" } });
    await db.client.label.create({ data: { id: big + 1n, name: "L1" } });
    await db.client.label.create({ data: { id: big + 2n, name: "L2" } });
    await db.client.rate.create({ data: { value: "1.25", name: "Low" } });
    await db.client.day.create({ data: { on: day, name: "Leap day" } });
    await db.client.slot.create({ data: { code: "A", seq: 1, name: "A1" } });
    await db.client.slot.create({ data: { code: "A", seq: 2, name: "A2" } });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!reachable[provider])(
    "connects, clears and reconnects to-one relations by typed ids",
    async () => {
      const entry = db.model("Entry");
      const row = await db.dataSource.create(
        entry,
        write(
          { title: "e" },
          {
            account: { id: big },
            rate: { value: "1.25" },
            day: { on: day },
            slot: { code: "A", seq: 1 },
          },
        ),
      );
      expect(row).toMatchObject({ accountId: big, rateValue: "1.25", dayOn: day, slotCode: "A", slotSeq: 1 });
      const cleared = await db.dataSource.update(
        entry,
        { id: row.id },
        write({}, { account: null, rate: null, day: null, slot: null }),
      );
      expect(cleared).toMatchObject({
        accountId: null,
        rateValue: null,
        dayOn: null,
        slotCode: null,
        slotSeq: null,
      });
      const listed = await db.dataSource.list(entry, {
        page: 1,
        perPage: 5,
        sort: [{ path: ["rate", "value"], direction: "asc" }],
        filters: [{ path: ["account"], op: "isNull", value: true }],
      });
      expect(listed.rows.map((item) => item.title)).toEqual(["e"]);
    },
  );

  it.skipIf(!reachable[provider])(
    "sets a one-to-one from the side without the key, by a compound unique",
    async () => {
      const made = await db.client.entry.create({ data: { title: "f" } });
      const slot = await db.dataSource.update(
        db.model("Slot"),
        { code: "A", seq: 2 },
        write({}, { entry: { id: made.id } }),
      );
      expect(slot.entry).toMatchObject({ id: made.id });
      expect(await db.client.entry.findUnique({ where: { id: made.id } })).toMatchObject({
        slotCode: "A",
        slotSeq: 2,
      });
      await db.dataSource.update(db.model("Slot"), { code: "A", seq: 2 }, write({}, { entry: null }));
      expect(await db.client.entry.findUnique({ where: { id: made.id } })).toMatchObject({ slotCode: null });
    },
  );

  it.skipIf(!reachable[provider])("replaces a many-to-many set between BigInt ids", async () => {
    const account = db.model("Account");
    await db.dataSource.update(
      account,
      { id: big },
      write({}, {}, { labels: [{ id: big + 1n }, { id: big + 2n }] }),
    );
    await db.dataSource.update(account, { id: big }, write({}, {}, { labels: [{ id: big + 2n }] }));
    const labels = await db.client.account.findUnique({
      where: { id: big },
      select: { labels: { select: { id: true } } },
    });
    expect(labels.labels).toEqual([{ id: big + 2n }]);
  });

  it.skipIf(!reachable[provider])(
    "deletes records others point at by typed ids, clearing the references",
    async () => {
      const made = await db.client.entry.create({
        data: { title: "g", accountId: big, rateValue: "1.25", dayOn: day },
      });
      const preview = await db.dataSource.deletePreview(db.model("Rate"), { value: "1.25" });
      expect(preview.setNull).toEqual([expect.objectContaining({ model: "entry", count: 1 })]);
      await db.dataSource.delete(db.model("Rate"), { value: "1.25" }, { audit: { record: async () => "1" } });
      await db.dataSource.deleteMany(db.model("Day"), [{ on: day }]);
      expect(await db.client.entry.findUnique({ where: { id: made.id } })).toMatchObject({
        accountId: big,
        rateValue: null,
        dayOn: null,
      });
      expect(warnings).toEqual([]);
    },
  );
});
