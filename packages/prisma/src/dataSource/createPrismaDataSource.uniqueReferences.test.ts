/**
 * Relations that reference a unique field other than the related id: the key is read from the record picked,
 * and a record whose referenced value is empty cannot be pointed at (the write would store no reference, or
 * Prisma would refuse the null key): a 422 on the relation, with nothing written.
 */
import type { WriteData } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caught } from "./testing/caught.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

let db: TestDatabase;
const warnings: string[] = [];
let withEmail = 0;
let withoutEmail = 0;

beforeAll(async () => {
  db = await openTestDatabase("uniqueReferences", {
    dataSource: { warn: (message) => warnings.push(message) },
  });
  withEmail = (await db.client.person.create({ data: { name: "Ann", email: "ann@example.com" } })).id;
  withoutEmail = (await db.client.person.create({ data: { name: "Bob" } })).id;
}, 120_000);

afterAll(async () => {
  await db?.close();
});

function write(scalars: Record<string, unknown>, connect: WriteData["connect"]): WriteData {
  return { scalars, connect, setMany: {} };
}

describe("a relation to a unique field that is empty on the record picked", () => {
  it("refuses an optional relation with 422 rather than storing no reference", async () => {
    const error = await caught(
      db.dataSource.create(db.model("Account"), write({ label: "a" }, { owner: { id: withoutEmail } })),
    );
    expect(error.status).toBe(422);
    expect(error.fields).toEqual({
      owner: "This person has no email, which the owner refers to; give it one first or pick another person",
    });
    expect(await db.client.account.count()).toBe(0);
  });

  it("refuses a required relation with 422 instead of a query Prisma rejects", async () => {
    const error = await caught(
      db.dataSource.create(db.model("Invoice"), write({ number: "1" }, { billedTo: { id: withoutEmail } })),
    );
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {})).toEqual(["billedTo"]);
    expect(warnings).toEqual([]);
    expect(await db.client.invoice.count()).toBe(0);
  });

  it("refuses it on update too, leaving the record as it was", async () => {
    const invoice = db.model("Invoice");
    const row = await db.dataSource.create(invoice, write({ number: "2" }, { billedTo: { id: withEmail } }));
    expect(row).toMatchObject({ billingEmail: "ann@example.com" });
    const error = await caught(
      db.dataSource.update(
        invoice,
        { id: row.id },
        write({ number: "3" }, { billedTo: { id: withoutEmail } }),
      ),
    );
    expect(Object.keys(error.fields ?? {})).toEqual(["billedTo"]);
    expect(await db.client.invoice.findUnique({ where: { id: row.id } })).toMatchObject({
      number: "2",
      billingEmail: "ann@example.com",
    });
  });

  it("refuses a compound reference one of whose values is empty", async () => {
    const shop = await db.client.shop.create({ data: { name: "Corner", region: "eu" } });
    const error = await caught(
      db.dataSource.create(db.model("Stock"), write({ item: "tea" }, { shop: { id: shop.id } })),
    );
    expect(error.fields).toEqual({
      shop: "This shop has no code, which the shop refers to; give it one first or pick another shop",
    });
    await db.client.shop.update({ where: { id: shop.id }, data: { code: "c1" } });
    const row = await db.dataSource.create(
      db.model("Stock"),
      write({ item: "tea" }, { shop: { id: shop.id } }),
    );
    expect(row).toMatchObject({ shopRegion: "eu", shopCode: "c1", shop: { id: shop.id } });
  });
});
