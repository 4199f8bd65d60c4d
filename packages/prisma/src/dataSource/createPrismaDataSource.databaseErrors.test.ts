/**
 * Failures Atrium cannot prevent: Prisma emulates the Cascade of a compound key (`relationMode = "prisma"`) by
 * changing the children first, and a database that kept its foreign keys (made before the schema switched to
 * emulation) refuses that. The answer is a `database_error` naming the operation, with the database's own words
 * kept apart for the log and for superusers, instead of a misleading 422 or a bare 500; nothing is changed.
 */
import type { DatabaseProvider } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reachableProviders } from "../testing/databaseIsReachable.js";
import { caught } from "./testing/caught.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

/** The database as `relationMode = "foreignKeys"` makes it: with foreign keys, ON UPDATE CASCADE included. */
function withForeignKeys(schemaText: string): string {
  return schemaText.replace(/\n\s*relationMode\s*=\s*"prisma"/, "");
}

const providers: DatabaseProvider[] = ["sqlite", "postgresql", "mysql"];
const reachable = await reachableProviders(providers);

describe.each(providers)("emulated compound cascades against foreign keys on %s", (provider) => {
  let db: TestDatabase;
  const warnings: string[] = [];

  beforeAll(async () => {
    if (!reachable[provider]) return;
    db = await openTestDatabase("emulatedCascades", {
      provider,
      databaseSchema: withForeignKeys,
      dataSource: { warn: (message) => warnings.push(message) },
    });
    await db.client.region.create({ data: { code: "eu", zone: 1, name: "Europe" } });
    await db.client.site.create({ data: { name: "Lyon", regionCode: "eu", regionZone: 1 } });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!reachable[provider])(
    "answers database_error naming the update, with the database's reason apart, and changes nothing",
    async () => {
      const region = db.model("Region");
      const error = await caught(
        db.dataSource.update(
          region,
          { code: "eu", zone: 1 },
          { scalars: { code: "ez" }, connect: {}, setMany: {} },
        ),
      );
      expect(error.code).toBe("database_error");
      expect(error.status).toBe(500);
      expect(error.message).toBe("Saving this region failed in the database");
      expect(error.details).toEqual({ operation: "update", model: "region" });
      expect(error.fields).toBeUndefined();
      expect(error.reason).toMatch(/foreign key/i);
      expect(error.reason).not.toMatch(/invocation|\.ts:\d+/);
      expect(JSON.stringify(error.toBody())).not.toMatch(/foreign key|Site/i);
      expect(warnings).toEqual([]);
      expect(await db.client.region.findMany()).toEqual([{ code: "eu", zone: 1, name: "Europe" }]);
      expect(await db.client.site.findMany({ select: { regionCode: true } })).toEqual([{ regionCode: "eu" }]);
    },
  );

  it.skipIf(!reachable[provider])("still deletes with the cascade Prisma emulates", async () => {
    await db.dataSource.delete(db.model("Region"), { code: "eu", zone: 1 });
    expect(await db.client.site.count()).toBe(0);
  });
});
