import type { WriteData } from "@atrium/core";
import { autoId, enumField, model, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import type { FieldMakers } from "./fieldMakers.js";
import { unmakeableReason } from "./fieldMakers.js";
import { loadFaker } from "./loadFaker.js";
import { createRowBuilder } from "./rowBuilder.js";

const faker = await loadFaker();

const book = model("Book", [
  autoId(),
  scalar("title", "String", { nativeType: ["VarChar", ["12"]] }),
  scalar("slug", "String"),
  scalar("pages", "Int"),
  scalar("publishedAt", "DateTime"),
  scalar("price", "Decimal"),
  enumField("genre", "Genre", ["FICTION", "POETRY", "HISTORY"]),
]);

function rows(makers: FieldMakers, count = 20, seed = 7) {
  const builder = createRowBuilder({
    model: book,
    provider: "sqlite",
    faker,
    seed,
    referenceDate: new Date("2025-06-01T00:00:00Z"),
    pools: { toOne: [], many: [] },
    makers,
  });
  return Array.from({ length: count }, (_, index) => builder.build(index)).filter(
    (row): row is WriteData => row !== null,
  );
}

describe("a seed plan's field makers", () => {
  it("picks from a list, calls faker, and derives a field from the row drawn so far", () => {
    const made = rows({
      genre: ["POETRY", "HISTORY"],
      pages: ({ faker: seeded }) => seeded.number.int({ min: 100, max: 120 }),
      title: ({ index }) => `Volume ${index + 1}`,
      slug: ({ row }) => String(row.title).toLowerCase().replace(/ /g, "-"),
    });
    expect(made).toHaveLength(20);
    for (const row of made) {
      expect(["POETRY", "HISTORY"]).toContain(row.scalars.genre);
      expect(row.scalars.pages).toBeGreaterThanOrEqual(100);
      expect(row.scalars.pages).toBeLessThanOrEqual(120);
    }
    expect(made[4]?.scalars.title).toBe("Volume 5");
    expect(made[4]?.scalars.slug).toBe("volume-5");
    // Both picks appear: the list is drawn from, not its first element repeated.
    expect(new Set(made.map((row) => row.scalars.genre)).size).toBe(2);
  });

  it("writes the same rows for the same seed, and other rows for another", () => {
    const plan: FieldMakers = {
      pages: ({ faker: seeded }) => seeded.number.int(1000),
      genre: ["POETRY", "FICTION"],
    };
    expect(rows(plan)).toEqual(rows(plan));
    expect(rows(plan, 20, 8)).not.toEqual(rows(plan));
  });

  it("parses a made value as a form's value would be: an ISO text becomes a date, a number a decimal", () => {
    const [row] = rows({ publishedAt: () => "2024-03-01T10:00:00.000Z", price: () => 12.5 }, 1);
    expect(row?.scalars.publishedAt).toEqual(new Date("2024-03-01T10:00:00.000Z"));
    expect(String(row?.scalars.price)).toBe("12.5");
  });

  it("refuses a value of the wrong type, or too long for its column, naming the model and field", () => {
    expect(() => rows({ pages: () => "many" }, 1)).toThrow(/Book\.pages: .*got "many"/);
    expect(() => rows({ title: () => "A title far too long" }, 1)).toThrow(
      /Book\.title: At most 12 characters/,
    );
    expect(() => rows({ genre: ["SCIENCE"] }, 1)).toThrow(/Book\.genre/);
    expect(() => rows({ pages: () => undefined }, 1)).toThrow(/Book\.pages: the maker answered nothing/);
  });

  it("says why an id the database fills in cannot be made", () => {
    const id = book.fields.find((field) => field.name === "id");
    const title = book.fields.find((field) => field.name === "title");
    expect(id && unmakeableReason(book, id)).toMatch(/database or Prisma fills it in/);
    expect(title && unmakeableReason(book, title)).toBeUndefined();
  });
});
