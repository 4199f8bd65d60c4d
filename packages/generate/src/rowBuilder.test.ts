import type { FieldMeta, ModelMeta, WriteData } from "@atrium/core";
import { autoId, enumField, model, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { loadFaker } from "./loadFaker.js";
import { createRowBuilder } from "./rowBuilder.js";

const faker = await loadFaker();
const referenceDate = new Date("2025-06-01T00:00:00Z");

function rowsOf(target: ModelMeta, count: number, seed = 1, provider: "sqlite" | "mysql" = "sqlite") {
  const builder = createRowBuilder({
    model: target,
    provider,
    faker,
    seed,
    referenceDate,
    pools: { toOne: [], many: [] },
  });
  return Array.from({ length: count }, (_, index) => builder.build(index)).filter(
    (row): row is WriteData => row !== null,
  );
}

const values = (rows: WriteData[], field: string) => rows.map((row) => row.scalars[field]);

describe("values chosen by field name, type and native type", () => {
  const person = model("Customer", [
    autoId(),
    scalar("email", "String"),
    scalar("firstName", "String"),
    scalar("last_name", "String"),
    scalar("name", "String"),
    scalar("slug", "String"),
    scalar("website", "String"),
    scalar("phone", "String"),
    scalar("currency", "String"),
    scalar("colour", "String"),
    scalar("zipCode", "String"),
    scalar("bio", "String"),
    scalar("price", "Decimal", { nativeType: ["Decimal", ["6", "2"]] }),
    scalar("age", "Int", { nativeType: ["TinyInt", []] }),
    scalar("rating", "Float"),
    scalar("birthDate", "DateTime", { nativeType: ["Date", []] }),
    scalar("nickname", "String", { nativeType: ["VarChar", ["6"]] }),
    scalar("active", "Boolean"),
    scalar("avatar", "Bytes", { nativeType: ["Binary", ["4"]] }),
    scalar("settings", "Json"),
    enumField("tier", "Tier", ["FREE", "PRO"]),
  ]);
  const rows = rowsOf(person, 40);

  it("gives emails, names, slugs, urls and other texts that read as what their name says", () => {
    expect(rows).toHaveLength(40);
    for (const email of values(rows, "email")) expect(email).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]+$/);
    for (const first of values(rows, "firstName")) expect(first).toMatch(/^[A-Z][\p{L}'-]+$/u);
    for (const name of values(rows, "name")) expect(String(name).split(" ").length).toBeGreaterThanOrEqual(2);
    for (const slug of values(rows, "slug")) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    for (const url of values(rows, "website")) expect(url).toMatch(/^https?:\/\//);
    for (const currency of values(rows, "currency")) expect(currency).toMatch(/^[A-Z]{3}$/);
    for (const bio of values(rows, "bio")) expect(String(bio).length).toBeGreaterThan(20);
    expect(new Set(values(rows, "colour")).size).toBeGreaterThan(5);
  });

  it("keeps numbers, dates, bytes and texts inside what their columns hold", () => {
    for (const price of values(rows, "price")) {
      expect(price).toMatch(/^\d{1,4}\.\d{2}$/);
    }
    for (const age of values(rows, "age")) expect(age).toSatisfy((n: number) => n >= 18 && n <= 90);
    for (const rating of values(rows, "rating")) expect(rating).toSatisfy((n: number) => n >= 1 && n <= 5);
    for (const date of values(rows, "birthDate") as Date[]) {
      expect(Math.abs(date.getTime() % 86_400_000)).toBe(0);
      expect(date.getUTCFullYear()).toBeLessThan(2008);
    }
    for (const nickname of values(rows, "nickname")) expect(String(nickname).length).toBeLessThanOrEqual(6);
    for (const bytes of values(rows, "avatar")) expect((bytes as Uint8Array).length).toBe(4);
    expect(new Set(values(rows, "active"))).toEqual(new Set([true, false]));
    expect(new Set(values(rows, "tier"))).toEqual(new Set(["FREE", "PRO"]));
    expect(values(rows, "settings")[0]).toMatchObject({ theme: expect.any(String) });
  });

  it("reads codes, ISBNs and address lines from what the column says", () => {
    const address = model("Address", [
      autoId(),
      scalar("country", "String", { hasDefault: true, default: { kind: "literal", value: "US" } }),
      scalar("homeCountry", "String"),
      scalar("isbn", "BigInt"),
      scalar("line1", "String"),
      scalar("bornOn", "DateTime"),
    ]);
    const built = rowsOf(address, 20);
    for (const code of values(built, "country")) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(values(built, "homeCountry").some((name) => String(name).length > 3)).toBe(true);
    for (const isbn of values(built, "isbn")) expect(String(isbn)).toMatch(/^97[89]\d{10}$/);
    for (const line of values(built, "line1")) expect(line).toMatch(/^\d+ \S+/);
    for (const born of values(built, "bornOn") as Date[]) expect(born.getUTCFullYear()).toBeLessThan(2008);
  });

  it("leaves generated ids to the database", () => {
    for (const row of rows) expect(row.scalars).not.toHaveProperty("id");
  });

  it("cuts MySQL's plain String columns to VARCHAR(191)", () => {
    const notes = model("Note", [autoId(), scalar("description", "String")]);
    const longest = Math.max(
      ...values(rowsOf(notes, 50, 3, "mysql"), "description").map((text) => String(text).length),
    );
    expect(longest).toBeLessThanOrEqual(191);
  });
});

describe("the same seed, the same rows", () => {
  const post = model("Post", [autoId(), scalar("title", "String"), scalar("publishedAt", "DateTime")]);

  it("gives equal rows for a seed and different rows for another", () => {
    expect(rowsOf(post, 10, 42)).toEqual(rowsOf(post, 10, 42));
    expect(values(rowsOf(post, 10, 43), "title")).not.toEqual(values(rowsOf(post, 10, 42), "title"));
  });

  it("gives a row the same values whatever was built before it", () => {
    const builder = createRowBuilder({
      model: post,
      provider: "sqlite",
      faker,
      seed: 42,
      referenceDate,
      pools: { toOne: [], many: [] },
    });
    expect(builder.build(7)).toEqual(rowsOf(post, 8, 42)[7]);
  });
});

describe("unique constraints", () => {
  const unique = (field: FieldMeta) => ({ ...field, isUnique: true });

  it("makes values unique deterministically where naive ones collide, within the column's length", () => {
    // About 250 country codes, 20 first names per letter...: 1,000 rows must repeat naive values.
    const place = model(
      "Place",
      [
        autoId(),
        unique(scalar("countryCode", "String", { nativeType: ["Char", ["4"]] })),
        unique(scalar("email", "String")),
        unique(scalar("rank", "Int", { nativeType: ["SmallInt", []] })),
        scalar("city", "String"),
        scalar("zone", "Int"),
      ],
      { uniqueIndexes: [["city", "zone"]] },
    );
    const rows = rowsOf(place, 1000);
    expect(rows).toHaveLength(1000);
    for (const field of ["countryCode", "email", "rank"]) {
      const seen = values(rows, field).map((value) => String(value).toLowerCase());
      expect(new Set(seen).size, field).toBe(1000);
    }
    for (const code of values(rows, "countryCode")) expect(String(code).length).toBeLessThanOrEqual(4);
    const pairs = rows.map((row) => `${String(row.scalars.city).toLowerCase()}|${row.scalars.zone}`);
    expect(new Set(pairs).size).toBe(1000);
    expect(rowsOf(place, 1000)).toEqual(rows);
  });

  it("leaves out a row whose only unique value cannot vary", () => {
    const flag = model("Flag", [autoId(), unique(scalar("on", "Boolean"))]);
    expect(rowsOf(flag, 5)).toHaveLength(2);
  });
});
