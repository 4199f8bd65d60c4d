import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AtriumError } from "@atrium/core";
import { generateClient, pushSchema } from "@atrium/prisma";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/client/client.js";
import { generateDemoData } from "./generateDemoData.js";
import type { SeedSummary } from "./seedDemo.js";
import { seedDemo } from "./seedDemo.js";

const prismaDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const SCALE = 0.02;

let workDir: string;
let openClient: (file: string) => PrismaClient;
const clients: PrismaClient[] = [];
const seeded: { file: string; summary: SeedSummary }[] = [];

async function freshDatabase(name: string): Promise<{ file: string; client: PrismaClient }> {
  const file = join(workDir, name);
  await pushSchema({
    schemaText: await readFile(join(prismaDir, "schema.prisma"), "utf8"),
    url: `file:${file}`,
  });
  const client = openClient(file);
  clients.push(client);
  return { file, client };
}

/** Every table's rows in a stable order, straight from SQLite, so nothing Prisma does hides a difference. */
function dumpTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  // The client is git-ignored; `npm test` generates it first, a lone run of this file may have to.
  if (!existsSync(join(prismaDir, "generated/client/client.ts"))) {
    await generateClient(join(prismaDir, "schema.prisma"));
  }
  const { PrismaClient } = await import("../generated/client/client.js");
  openClient = (file) => new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
  workDir = await mkdtemp(join(tmpdir(), "atrium-seed-"));
  for (const name of ["first.db", "second.db"]) {
    const { file, client } = await freshDatabase(name);
    seeded.push({ file, summary: await seedDemo(client, { scale: SCALE }) });
  }
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("seedDemo", () => {
  it("writes exactly the same rows on every run", () => {
    const [first, second] = seeded;
    if (!first || !second) throw new Error("beforeAll did not seed both databases");
    const firstTables = dumpTables(first.file);
    expect(Object.keys(firstTables)).toContain("order_items");
    expect(dumpTables(second.file)).toEqual(firstTables);
    expect(second.summary.models).toEqual(first.summary.models);
  });

  it("reports the rows it wrote per model", () => {
    const { file, summary } = seeded[0] as (typeof seeded)[number];
    const tableOf: Record<string, string> = {
      Publisher: "publishers",
      Order: "orders",
      OrderItem: "order_items",
      ExchangeRate: "exchange_rates",
    };
    expect(summary.models).toHaveLength(20);
    for (const { model, rows } of summary.models) {
      const [count] = query<{ n: number }>(file, `SELECT COUNT(*) AS n FROM "${tableOf[model] ?? model}"`);
      expect({ model, rows: count?.n }).toEqual({ model, rows });
      expect(rows).toBeGreaterThan(0);
    }
    expect(summary.totalRows).toBe(summary.models.reduce((sum, entry) => sum + entry.rows, 0));
    expect(summary.seconds).toBeGreaterThan(0);
  });

  it("gives every order items whose prices add up to its total", () => {
    const { file } = seeded[0] as (typeof seeded)[number];
    const empty = query(file, "SELECT id FROM orders WHERE id NOT IN (SELECT order_id FROM order_items)");
    expect(empty).toEqual([]);
    const totals = query<{ total: number; items: number }>(
      file,
      `SELECT o.total AS total, SUM(ROUND(i.unit_price * i.quantity * (1 - i.discount), 2)) AS items
       FROM orders o JOIN order_items i ON i.order_id = o.id GROUP BY o.id`,
    );
    for (const { total, items } of totals) expect(total).toBeCloseTo(items, 1);
    const mispriced = query(
      file,
      "SELECT i.order_id FROM order_items i JOIN Edition e ON e.id = i.edition_id WHERE e.price <> i.unit_price OR e.book_id <> i.book_id",
    );
    expect(mispriced).toEqual([]);
    const foreignAddress = query(
      file,
      `SELECT o.id FROM orders o JOIN Address a ON a.id IN (o.billing_address_id, o.shipping_address_id)
       WHERE a.customer_id <> o.customer_id`,
    );
    expect(foreignAddress).toEqual([]);
  });

  it("builds a category tree exactly three levels deep", () => {
    const { file } = seeded[0] as (typeof seeded)[number];
    const depths = query<{ depth: number; n: number }>(
      file,
      `WITH RECURSIVE tree(id, depth) AS (
         SELECT id, 1 FROM Category WHERE parent_id IS NULL
         UNION ALL SELECT c.id, tree.depth + 1 FROM Category c JOIN tree ON c.parent_id = tree.id)
       SELECT depth, COUNT(*) AS n FROM tree GROUP BY depth ORDER BY depth`,
    );
    expect(depths.map((row) => row.depth)).toEqual([1, 2, 3]);
    const [all] = query<{ n: number }>(file, "SELECT COUNT(*) AS n FROM Category");
    expect(depths.reduce((sum, row) => sum + row.n, 0)).toBe(all?.n);
  });

  it("fills the models without an id and keeps other relations sensible", () => {
    const { file } = seeded[0] as (typeof seeded)[number];
    const count = (sql: string) => query<{ n: number }>(file, sql)[0]?.n;
    expect(count("SELECT COUNT(*) AS n FROM exchange_rates")).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) AS n FROM Setting")).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) AS n FROM Review WHERE stars NOT BETWEEN 1 AND 5")).toBe(0);
    // The staff chart: one owner at the top, everyone else reporting to someone.
    expect(count("SELECT COUNT(*) AS n FROM Staff WHERE manager_id IS NULL")).toBe(1);
    const [cover] = query<{ cover: Buffer }>(file, "SELECT cover_thumb AS cover FROM Book LIMIT 1");
    expect(cover?.cover.subarray(1, 4).toString("ascii")).toBe("PNG");
    const wrongRatings = query(
      file,
      `SELECT b.id FROM Book b JOIN (SELECT book_id, AVG(stars) AS mean FROM Review GROUP BY book_id) r
       ON r.book_id = b.id WHERE ABS(b.rating - r.mean) > 0.006`,
    );
    expect(wrongRatings).toEqual([]);
  });

  it("refuses a database that already has data, and leaves it as it was", async () => {
    const { file } = seeded[0] as (typeof seeded)[number];
    const before = dumpTables(file);
    const client = openClient(file);
    clients.push(client);
    const error = await seedDemo(client, { scale: SCALE }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtriumError);
    expect((error as AtriumError).code).toBe("conflict");
    expect(dumpTables(file)).toEqual(before);
  });

  it("rejects a scale that is not a positive number, naming the field", async () => {
    const { client } = await freshDatabase("bad-scale.db");
    for (const scale of [0, -1, Number.NaN, 1_000]) {
      const error = await seedDemo(client, { scale }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AtriumError);
      expect((error as AtriumError).fields).toHaveProperty("scale");
    }
  });

  it("has at least 100,000 rows at full scale, one table above 50,000", () => {
    const data = generateDemoData(1);
    const sizes = Object.values(data)
      .filter((value): value is unknown[] => Array.isArray(value))
      .map((rows) => rows.length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeGreaterThan(100_000);
    expect(data.orderItems.length).toBeGreaterThan(50_000);
  });
});
