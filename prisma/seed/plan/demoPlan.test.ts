/**
 * The demo's seed plan (atrium.config.ts, `seed`) written by `atrium seed`'s own code, its big counts cut to a
 * tenth, into a database pushed from the demo's schema: every model gets all its rows (none left out for a unique
 * value taken), the values read like a bookstore's and keep what the browser tests and the docs say of the demo,
 * and a second run adds nothing.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pushSchema } from "@atrium/prisma";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeedResult, seedProject } from "../../../packages/atrium/src/commands/seedProject.js";
import { loadConfig, type ResolvedConfig } from "../../../packages/atrium/src/config/loadConfig.js";
import { slugify } from "../generateCatalog.js";
import { REFERENCE_DATE } from "../random.js";
import { REVIEW_TITLES } from "../textPools.js";

const repoRoot = resolve(import.meta.dirname, "../../..");
const DAY_MS = 86_400_000;

type Plan = { seed: number; models: Record<string, { count: number; fields?: unknown }> };

let dir: string;
let db: Database.Database;
let config: ResolvedConfig;
let plan: Plan;
let first: SeedResult | null;
let schemaText: string;

/**
 * The plan with its big counts cut to a tenth (about 2,800 rows); the small ones (warehouses, settings, tags...)
 * stay whole, so that every unique combination the plan relies on (an edition in each warehouse) has its room.
 */
function scaled(full: Plan): Plan {
  const models = Object.fromEntries(
    Object.entries(full.models).map(([name, model]) => [
      name,
      { ...model, count: model.count > 100 ? Math.round(model.count / 10) : model.count },
    ]),
  );
  return { ...full, models };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "atrium-demo-plan-"));
  const file = join(dir, "demo.db");
  const loaded = await loadConfig(join(repoRoot, "atrium.config.ts"));
  plan = scaled(loaded.seed as Plan);
  config = { ...loaded, databaseUrl: `file:${file}`, seed: plan };
  schemaText = await readFile(loaded.schemaPath, "utf8");
  await pushSchema({ schemaText, url: `file:${file}` });
  first = await seedProject(config);
  db = new Database(file, { readonly: true });
}, 120_000);

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

const rows = <T>(sql: string) => db.prepare(sql).all() as T[];
/** Prisma keeps SQLite DateTimes as milliseconds or ISO text, depending on the version; both read back. */
const when = (value: unknown) => new Date(value as string | number);

describe("the demo's seed plan", () => {
  it("gives every model of the schema its count, leaving no row out", () => {
    const written = new Map(first?.models.map((entry) => [entry.model.name, entry]));
    for (const [name, model] of Object.entries(plan.models)) {
      expect(written.get(name), name).toMatchObject({ had: 0, added: model.count, skipped: 0 });
    }
    // Every model of the demo's schema is in the plan: the admin has no empty list.
    const models = [...schemaText.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]);
    expect(Object.keys(plan.models).sort()).toEqual(models.sort());
  });

  it("numbers orders BK-<year>-<n> by the year they were placed, over two years before the demo's today", () => {
    const orders = rows<{ number: string; placed_at: unknown; status: string }>(
      "SELECT number, placed_at, status FROM orders",
    );
    const years = new Set<number>();
    for (const order of orders) {
      const placed = when(order.placed_at);
      const age = (REFERENCE_DATE.getTime() - placed.getTime()) / DAY_MS;
      expect(order.number).toMatch(new RegExp(`^BK-${placed.getUTCFullYear()}-\\d{6}$`));
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(730);
      // Only recent orders still wait for payment.
      if (order.status === "PENDING") expect(age).toBeLessThan(2);
      years.add(placed.getUTCFullYear());
    }
    // The orders list's date drill-down opens on years.
    expect(years.size).toBeGreaterThan(1);
  });

  it("makes books with valid ISBN-13s and editions priced and timed by their format", () => {
    for (const { isbn } of rows<{ isbn: bigint | number }>("SELECT isbn FROM Book")) {
      const digits = String(isbn);
      expect(digits).toMatch(/^978\d{10}$/);
      const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
      expect(sum % 10).toBe(0);
    }
    const editions = rows<{ format: string; price: unknown; duration_min: number | null }>(
      "SELECT format, price, duration_min FROM Edition",
    );
    for (const edition of editions) {
      expect(edition.duration_min === null).toBe(edition.format !== "AUDIOBOOK");
      // Shelf-sticker prices: .99, .49 or whole dollars.
      expect([99, 49, 0]).toContain(Math.round(Number(edition.price) * 100) % 100);
    }
  });

  it("writes people whose e-mail is made from their name, and reviews whose title matches the stars", () => {
    const customers = rows<{ email: string; first_name: string; last_name: string }>(
      "SELECT email, first_name, last_name FROM Customer",
    );
    for (const customer of customers) {
      const local = `${slugify(customer.first_name)}.${slugify(customer.last_name)}`;
      expect(customer.email.split("@")[0]).toBe(local);
    }
    for (const review of rows<{ stars: number; title: string }>("SELECT stars, title FROM Review")) {
      expect(REVIEW_TITLES[review.stars]).toContain(review.title);
    }
  });

  it("adds nothing when run again", async () => {
    const again = await seedProject(config);
    expect(again?.added).toBe(0);
  }, 60_000);
});
