/**
 * `npm run bench:counts [-- --orders 200000 --items 500000]`: what a list page with to-many counts costs when the
 * related table is big. The demo's schema, grown with the SQLite driver itself: `orders` to `--orders` rows,
 * `order_items` to `--items` (2 or 3 per order), 10,000 customers. Times the data source's list and record reads
 * of orders and customers against the raw driver doing the same work the least way: the list's total (counted up
 * to 100,001 rows, as the data source does), the page's rows, then each to-many count for the page's keys
 * (`WHERE fk IN (...) GROUP BY fk`). Medians of 30 runs after 3 warm-up runs.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  createClientForSchema,
  createPrismaDataSource,
  loadSchemaMetaFromFile,
  pushSchema,
} from "@atrium/prisma";
import Database from "better-sqlite3";
import { timeMedian } from "./timeMedian.js";

const { values } = parseArgs({
  options: { orders: { type: "string", default: "200000" }, items: { type: "string", default: "500000" } },
});
const orderCount = Number(values.orders);
const itemCount = Number(values.items);
const customerCount = 10_000;
const bookCount = Math.ceil(itemCount / orderCount) + 1;

const folder = await mkdtemp(join(tmpdir(), "atrium-counts-"));
const file = join(folder, "counts.db");
const schemaPath = new URL("../prisma/schema.prisma", import.meta.url).pathname;
await pushSchema({ schemaText: await readFile(schemaPath, "utf8"), url: `file:${file}` });
// biome-ignore lint/suspicious/noExplicitAny: the demo's generated client, used untyped like the bench's others.
const client = (await createClientForSchema(schemaPath, `file:${file}`)) as any;
const schema = await loadSchemaMetaFromFile(schemaPath);
const dataSource = createPrismaDataSource({ client, schema });

// Parents through Prisma (its formats for dates and decimals), the big tables by copying a row it wrote.
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
    email: `c${at}@example.com`,
    firstName: "C",
    lastName: `${at}`,
  })),
});
await client.order.create({ data: { id: 1, number: "BK-1", customerId: 1 } });
const raw = new Database(file);
const sample = raw.prepare("SELECT * FROM orders WHERE id = 1").get() as Record<string, unknown>;
const insertOrder = raw.prepare(
  "INSERT INTO orders (id, number, customer_id, status, placed_at, updated_at, total, gift_wrap) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
);
const insertItem = raw.prepare(
  "INSERT INTO order_items (order_id, book_id, edition_id, quantity, unit_price, discount) VALUES (?, ?, ?, 1, 9.99, 0)",
);
const seedStarted = performance.now();
raw.transaction(() => {
  for (let id = 2; id <= orderCount; id += 1) {
    const customer = (id % customerCount) + 1;
    insertOrder.run(id, `BK-${id}`, customer, "PAID", sample.placed_at, sample.updated_at, sample.total, 0);
  }
  // Item i goes to order (i mod orders) + 1, each of an order's items to another book.
  for (let item = 0; item < itemCount; item += 1) {
    const book = Math.floor(item / orderCount) + 1;
    insertItem.run((item % orderCount) + 1, book, `e${book}`);
  }
})();
console.error(
  `seeded ${orderCount} orders, ${itemCount} items in ${Math.round(performance.now() - seedStarted)} ms`,
);

const model = (name: string) => {
  const found = schema.models.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no model ${name}`);
  return found;
};
const page = { page: 1, perPage: 50, sort: [], filters: [] };
const pageOf = (table: string) => raw.prepare(`SELECT * FROM ${table} ORDER BY id LIMIT 50`);
const countBy = (table: string, key: string) => (keys: unknown[]) =>
  raw
    .prepare(
      `SELECT ${key}, COUNT(*) FROM ${table} WHERE ${key} IN (${keys.map(() => "?").join(",")}) GROUP BY ${key}`,
    )
    .all(...keys);
/** What the list costs the driver: the bounded total the data source also reads, the page, its counts. */
const totalOf = (table: string) => raw.prepare(`SELECT COUNT(*) FROM (SELECT id FROM ${table} LIMIT 100001)`);
const rawPage = (table: string, counts: ((keys: unknown[]) => unknown)[]) => () => {
  totalOf(table).get();
  const rows = pageOf(table).all() as { id: number }[];
  const keys = rows.map((row) => row.id);
  for (const count of counts) count(keys);
};
const orderCounts = [countBy("order_items", "order_id")];
const customerCounts = [
  countBy("Address", "customer_id"),
  countBy("orders", "customer_id"),
  countBy("Review", "customer_id"),
];
const middle = Math.floor(orderCount / 2);

const results: [string, number][] = [
  ["raw driver: total, 50 orders, their item counts", await timeMedian(30, rawPage("orders", orderCounts))],
  [
    "list order, page 1 of 50 (data source)",
    await timeMedian(30, () => dataSource.list(model("Order"), page)),
  ],
  [
    "raw driver: order/{middle} + its item count",
    await timeMedian(30, () => {
      raw.prepare("SELECT * FROM orders WHERE id = ?").get(middle);
      orderCounts[0]?.([middle]);
    }),
  ],
  [
    "record order/{middle} (data source)",
    await timeMedian(30, () => dataSource.get(model("Order"), { id: middle })),
  ],
  [
    "raw driver: total, 50 customers, 3 counts each",
    await timeMedian(30, rawPage("Customer", customerCounts)),
  ],
  [
    "list customer, page 1 of 50 (data source)",
    await timeMedian(30, () => dataSource.list(model("Customer"), page)),
  ],
  [
    "raw driver: the order list's total (COUNT of up to 100,001 rows)",
    await timeMedian(30, () => totalOf("orders").get()),
  ],
  [
    "the order list's total alone (data source count)",
    await timeMedian(30, () => dataSource.count(model("Order"))),
  ],
];
console.log(`${orderCount} orders, ${itemCount} order items, ${customerCount} customers\n`);
console.log("| measurement | median |\n| --- | --- |");
for (const [name, time] of results)
  console.log(`| ${name.replace("{middle}", String(middle))} | ${time.toFixed(2)} ms |`);

raw.close();
await client.$disconnect();
await rm(folder, { recursive: true, force: true });
