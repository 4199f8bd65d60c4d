/**
 * The bulk methods bulk writers use: `createMany` writes all or nothing, answers every created row with what the
 * database filled in, links many-to-many sets and audits one create per record (sets included); `readValues`
 * reads a few columns in id order. SQLite (one statement per batch) and MariaDB (a statement per record) when
 * the local server answers.
 */
import { AtriumError, type AuditRecord, type WriteData } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const providers = (await databaseIsReachable("mysql"))
  ? (["sqlite", "mysql"] as const)
  : (["sqlite"] as const);

function write(scalars: Record<string, unknown>, setMany: WriteData["setMany"] = {}): WriteData {
  return { scalars, connect: {}, setMany };
}

describe.each(providers)("createMany and readValues on %s", (provider) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase("relationCounts", { provider });
  });
  afterAll(() => db?.close());

  it("creates rows in order with their generated ids, each audited with the sets it linked", async () => {
    const entries: AuditRecord[] = [];
    const audit = { record: async (_tx: unknown, entry: AuditRecord) => String(entries.push(entry)) };
    const sponsors = await db.dataSource.createMany(db.model("Sponsor"), [
      write({ id: "s1", name: "Acme" }),
      write({ id: "s2", name: "Globex" }),
    ]);
    expect(sponsors).toEqual([
      { id: "s1", name: "Acme" },
      { id: "s2", name: "Globex" },
    ]);
    const teams = await db.dataSource.createMany(
      db.model("Team"),
      [write({ name: "Root" }), write({ name: "Linked" }, { sponsors: [{ id: "s2" }, { id: "s1" }] })],
      { audit },
    );
    expect(teams.map((team) => team.name)).toEqual(["Root", "Linked"]);
    expect(typeof teams[0]?.id).toBe("number");
    expect(entries.map((entry) => [entry.action, entry.recordId])).toEqual([
      ["create", String(teams[0]?.id)],
      ["create", String(teams[1]?.id)],
    ]);
    expect(entries[1]?.changes.sponsors).toEqual({ old: [], new: ["s1", "s2"] });
    expect(await db.client.team.count({ where: { sponsors: { some: {} } } })).toBe(1);
  });

  it("writes nothing when one row fails", async () => {
    const error = await db.dataSource
      .createMany(db.model("Sponsor"), [write({ id: "s3", name: "New" }), write({ id: "s1", name: "Again" })])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtriumError);
    expect((error as AtriumError).code).toBe("unique_violation");
    expect(await db.client.sponsor.count()).toBe(2);
  });

  it("reads a few columns of many records in id order, at most `limit`", async () => {
    expect(await db.dataSource.readValues(db.model("Sponsor"), ["id"], 10)).toEqual([
      { id: "s1" },
      { id: "s2" },
    ]);
    expect(await db.dataSource.readValues(db.model("Team"), ["name"], 1)).toEqual([{ name: "Root" }]);
  });
});
