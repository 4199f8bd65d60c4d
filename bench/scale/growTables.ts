/**
 * Grows the demo's two largest tables, `orders` and `order_items`, to a target size with the raw driver: one
 * order item per order, 10,000 customers, 20 books. Rows are made in SQL (a recursive CTE on SQLite,
 * generate_series on PostgreSQL) in batches of a million, each in its own transaction: ten million orders take
 * minutes, where Prisma would take hours. Values vary the way the lists sort and filter on them: five statuses
 * in turn, one order every 37 seconds back from 2027, totals from 0 to 999.9.
 */
import type { RawDriver } from "./rawDriver.js";

export const customerCount = 10_000;
const bookCount = 20;
const batch = 1_000_000;
const statuses = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"];
/** 2027-01-01T00:00:00Z in seconds: order n is placed 37·n seconds before it. */
const lastPlacedAt = 1_798_761_600;

/** The generated client, used untyped: the bench runs on the demo's schema for either database. */
// biome-ignore lint/suspicious/noExplicitAny: generated per schema and provider at run time.
type DemoClient = any;

/** The parents every order points to, written once through Prisma (its formats for dates and decimals). */
export async function createParents(client: DemoClient): Promise<void> {
  const author = await client.author.create({ data: { name: "Author" } });
  for (let book = 1; book <= bookCount; book += 1) {
    await client.book.create({
      data: {
        id: book,
        title: `Book ${book}`,
        isbn: BigInt(9_780_000_000_000 + book),
        authorId: author.id,
        editions: { create: { id: `e${book}`, format: "PAPERBACK", price: "9.99", releasedOn: new Date() } },
      },
    });
  }
  await client.customer.createMany({
    data: Array.from({ length: customerCount }, (_, at) => ({
      id: at + 1,
      email: `customer${at + 1}@example.com`,
      firstName: "Customer",
      lastName: `No. ${at + 1}`,
    })),
  });
}

/** Orders (and one item each) numbered from the current count + 1 to `target`. */
export async function growTo(driver: RawDriver, target: number): Promise<void> {
  const [{ n }] = (await driver.all("SELECT COUNT(*) AS n FROM orders")) as [{ n: number | string }];
  for (let first = Number(n) + 1; first <= target; first += batch) {
    const last = Math.min(target, first + batch - 1);
    await (driver.kind === "sqlite" ? growSqlite : growPostgres)(driver, first, last);
  }
  // What a grown database looks like after a while in use: statistics current on PostgreSQL, and SQLite's
  // write-ahead log folded back into the file (readers otherwise look every page up in a log of gigabytes).
  if (driver.kind === "postgresql") await driver.run("ANALYZE orders; ANALYZE order_items");
  else await driver.run("PRAGMA wal_checkpoint(TRUNCATE)");
}

async function growSqlite(driver: RawDriver, first: number, last: number): Promise<void> {
  const numbers = `WITH RECURSIVE n(i) AS (SELECT ${first} UNION ALL SELECT i + 1 FROM n WHERE i < ${last})`;
  const status = `CASE i % 5 ${statuses.map((name, at) => `WHEN ${at} THEN '${name}'`).join(" ")} END`;
  // Prisma's SQLite adapter stores DateTime as ISO text with an offset and Decimal as REAL: the same here.
  const placed = `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${lastPlacedAt} - i * 37, 'unixepoch')`;
  await driver.run(`BEGIN;
    ${numbers} INSERT INTO orders (id, number, customer_id, status, placed_at, updated_at, total, gift_wrap)
      SELECT i, 'BK-' || i, i % ${customerCount} + 1, ${status}, ${placed}, ${placed}, (i % 10000) / 10.0, i % 2 FROM n;
    ${numbers} INSERT INTO order_items (order_id, book_id, edition_id, quantity, unit_price, discount)
      SELECT i, i % ${bookCount} + 1, 'e' || (i % ${bookCount} + 1), 1, 9.99, 0 FROM n;
    COMMIT;`);
}

async function growPostgres(driver: RawDriver, first: number, last: number): Promise<void> {
  const status = `(ARRAY[${statuses.map((name) => `'${name}'`).join(", ")}])[i % 5 + 1]::"OrderStatus"`;
  const placed = `to_timestamp(${lastPlacedAt} - i * 37)`;
  await driver.run(`BEGIN;
    INSERT INTO orders (id, number, customer_id, status, placed_at, updated_at, total, gift_wrap)
      SELECT i, 'BK-' || i, i % ${customerCount} + 1, ${status}, ${placed}, ${placed}, (i % 10000) / 10.0, i % 2 = 1
      FROM generate_series(${first}, ${last}) i;
    INSERT INTO order_items (order_id, book_id, edition_id, quantity, unit_price, discount)
      SELECT i, i % ${bookCount} + 1, 'e' || (i % ${bookCount} + 1), 1, 9.99, 0 FROM generate_series(${first}, ${last}) i;
    COMMIT;`);
}
