/**
 * Grows the demo's orders and order items on PostgreSQL to a given size by copying the seeded ones (each copy
 * keeps its customer, status and items, placed a day earlier per copy), in plain SQL: a million orders take
 * seconds, where inserting them through Prisma would take many minutes.
 */
import pg from "pg";

export interface GrownSize {
  orders: number;
  items: number;
}

/**
 * Moves every serial column's sequence past the largest id: the seed writes its ids itself, which leaves
 * PostgreSQL's sequences at 1, and the next insert without an id would collide.
 */
async function resetSequences(client: pg.Client): Promise<void> {
  const serials = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
  );
  for (const { table_name: table, column_name: column } of serials.rows) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(1, (SELECT max("${column.replaceAll('"', '""')}") FROM ${quoted})))`,
      [quoted, column],
    );
  }
}

export async function growOrders(url: string, targetOrders: number): Promise<GrownSize> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await resetSequences(client);
    const count = async (table: string) =>
      Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);
    const seeded = Number(
      (await client.query("SELECT count(*) AS n FROM orders WHERE number NOT LIKE 'LOAD-%'")).rows[0]?.n ?? 0,
    );
    const existing = await count("orders");
    const copies = Math.max(0, Math.ceil((targetOrders - existing) / Math.max(1, seeded)));
    // Copies already made by an earlier, smaller run keep their numbers; new ones continue after them.
    const firstCopy = Math.floor((existing - seeded) / Math.max(1, seeded)) + 1;
    if (copies > 0) {
      await client.query(
        `INSERT INTO orders (number, customer_id, status, placed_at, updated_at, total, gift_wrap)
         SELECT 'LOAD-' || o.id || '-' || s, o.customer_id, o.status, o.placed_at - make_interval(days => s), now(),
                o.total, o.gift_wrap
         FROM orders o CROSS JOIN generate_series($1::int, $2::int) s
         WHERE o.number NOT LIKE 'LOAD-%'`,
        [firstCopy, firstCopy + copies - 1],
      );
      await client.query(
        `INSERT INTO order_items (order_id, book_id, edition_id, quantity, unit_price, discount)
         SELECT n.id, i.book_id, i.edition_id, i.quantity, i.unit_price, i.discount
         FROM orders n JOIN order_items i ON i.order_id = split_part(n.number, '-', 2)::int
         WHERE n.number LIKE 'LOAD-%' AND split_part(n.number, '-', 3)::int >= $1
         ON CONFLICT DO NOTHING`,
        [firstCopy],
      );
      await client.query("ANALYZE");
    }
    return { orders: await count("orders"), items: await count("order_items") };
  } finally {
    await client.end();
  }
}
