/**
 * Prisma emulates Cascade under `relationMode = "prisma"` by matching each key column with its own IN list
 * (`regionCode IN (eu, us) AND regionZone IN (1, 2)`): through a compound key, deleting several records, or
 * records whose children differ in two key columns, also deletes the children of other records (`(eu, 2)`,
 * `(us, 1)`). Atrium deletes what the cascade takes itself, record by record, so only those go.
 */
import type { DatabaseProvider } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reachableProviders } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const providers: DatabaseProvider[] = ["sqlite", "postgresql", "mysql"];
const reachable = await reachableProviders(providers);

describe.each(providers)("emulated compound cascades on %s", (provider) => {
  let db: TestDatabase;

  beforeAll(async () => {
    if (!reachable[provider]) return;
    db = await openTestDatabase("emulatedCascades", { provider });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  const seedRegions = async () => {
    for (const [code, zone] of [
      ["eu", 1],
      ["us", 2],
      ["eu", 2],
      ["us", 1],
    ] as const) {
      await db.client.region.create({ data: { code, zone, name: `${code}${zone}` } });
      await db.client.site.create({
        data: { name: `site ${code}${zone}`, regionCode: code, regionZone: zone },
      });
      await db.client.visit.create({
        data: { note: `visit ${code}${zone}`, regionCode: code, regionZone: zone },
      });
    }
  };
  /** Each visit's note and the region it still points at. */
  const visits = async () =>
    (await db.client.visit.findMany({ orderBy: { note: "asc" } })).map(
      (visit: { note: string; regionCode: string | null }) =>
        `${visit.note} -> ${visit.regionCode ?? "none"}`,
    );
  const siteNames = async () =>
    (await db.client.site.findMany({ orderBy: { name: "asc" } })).map((site: { name: string }) => site.name);

  it.skipIf(!reachable[provider])("deletes only the chosen records' children, in a bulk delete", async () => {
    await seedRegions();
    const deleted = await db.dataSource.deleteMany(db.model("Region"), [
      { code: "eu", zone: 1 },
      { code: "us", zone: 2 },
    ]);
    expect(deleted).toBe(2);
    expect(await siteNames()).toEqual(["site eu2", "site us1"]);
    expect(await visits()).toEqual([
      "visit eu1 -> none",
      "visit eu2 -> eu",
      "visit us1 -> us",
      "visit us2 -> none",
    ]);
  });

  it.skipIf(!reachable[provider])("is not refused by what restricts another record's delete", async () => {
    for (const [code, level] of [
      ["a", 1],
      ["b", 2],
      ["a", 2],
      ["b", 1],
    ] as const) {
      await db.client.area.create({ data: { code, level } });
    }
    await db.client.permit.create({ data: { areaCode: "a", areaLevel: 2 } });
    const deleted = await db.dataSource.deleteMany(db.model("Area"), [
      { code: "a", level: 1 },
      { code: "b", level: 2 },
    ]);
    expect(deleted).toBe(2);
    const error = await db.dataSource
      .delete(db.model("Area"), { code: "a", level: 2 })
      .catch((caught) => caught);
    expect(error).toMatchObject({ code: "delete_restricted" });
    expect(await db.client.area.count()).toBe(2);
  });

  it.skipIf(!reachable[provider])("does the same when the delete is audited", async () => {
    await db.client.site.deleteMany();
    await db.client.visit.deleteMany();
    await db.client.region.deleteMany();
    await seedRegions();
    const entries: string[] = [];
    await db.dataSource.deleteMany(
      db.model("Region"),
      [
        { code: "eu", zone: 1 },
        { code: "us", zone: 2 },
      ],
      {
        audit: {
          record: async (_tx, entry) => {
            entries.push(`${entry.action} ${entry.model}`);
            return `${entries.length}`;
          },
        },
      },
    );
    expect(await siteNames()).toEqual(["site eu2", "site us1"]);
    expect(entries.filter((entry) => entry.endsWith(" site"))).toHaveLength(2);
    expect(await visits()).toEqual([
      "visit eu1 -> none",
      "visit eu2 -> eu",
      "visit us1 -> us",
      "visit us2 -> none",
    ]);
  });

  it.skipIf(!reachable[provider])(
    "deletes only one record's grandchildren when its children differ in two key columns",
    async () => {
      for (const id of [1, 2]) await db.client.company.create({ data: { id, name: `c${id}` } });
      for (const [city, floor, companyId] of [
        ["paris", 1, 1],
        ["lyon", 2, 1],
        ["paris", 2, 2],
        ["lyon", 1, 2],
      ] as const) {
        await db.client.office.create({ data: { city, floor, companyId } });
        await db.client.desk.create({
          data: { label: `${city}${floor}`, officeCity: city, officeFloor: floor },
        });
      }
      await db.dataSource.delete(db.model("Company"), { id: 1 });
      const desks = await db.client.desk.findMany({ orderBy: { label: "asc" } });
      expect(desks.map((desk: { label: string }) => desk.label)).toEqual(["lyon1", "paris2"]);
      expect(await db.client.office.count()).toBe(2);
    },
  );
});
