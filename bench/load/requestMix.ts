/**
 * What the load test's clients ask for, drawn at random per request in fixed shares: the order list (a few
 * pages deep), the order list filtered by status, a customer search, an order's record page, and an edit of a
 * customer saved without `$version` (as API clients do). Ids and search terms are sampled from the database.
 */
import type autocannon from "autocannon";
import pg from "pg";

export interface RequestMix {
  next(request: autocannon.Request, cookie: string, origin: string): autocannon.Request;
}

const statuses = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

export async function requestMix(url: string): Promise<RequestMix> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const column = async (sql: string) =>
    (await client.query(sql)).rows.map((row) => String(Object.values(row)[0]));
  const orderIds = await column("SELECT id FROM orders TABLESAMPLE SYSTEM (1) LIMIT 2000");
  const customerIds = await column('SELECT id FROM "Customer" LIMIT 5000');
  const terms = await column('SELECT DISTINCT left(last_name, 3) FROM "Customer" LIMIT 500');
  await client.end();

  type Made = { method: "GET" | "PATCH"; path: string; body?: string };
  const shares: [number, () => Made][] = [
    [
      30,
      () => ({
        method: "GET",
        path: `/api/records/order?sort=-placedAt&perPage=50&page=${1 + Math.floor(Math.random() * 5)}`,
      }),
    ],
    [15, () => ({ method: "GET", path: `/api/records/order?filter.status.eq=${pick(statuses)}&perPage=50` })],
    [
      15,
      () => ({
        method: "GET",
        path: `/api/records/customer?q=${encodeURIComponent(pick(terms))}&perPage=50`,
      }),
    ],
    [30, () => ({ method: "GET", path: `/api/records/order/${pick(orderIds)}` })],
    [
      10,
      () => ({
        method: "PATCH",
        path: `/api/records/customer/${pick(customerIds)}`,
        body: JSON.stringify({ phone: `+1 555 ${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}` }),
      }),
    ],
  ];
  const total = shares.reduce((sum, [share]) => sum + share, 0);
  return {
    next(request, cookie, origin) {
      let roll = Math.random() * total;
      let made: Made | undefined;
      for (const [share, make] of shares) {
        roll -= share;
        if (roll < 0) {
          made = make();
          break;
        }
      }
      made ??= (shares[0] as [number, () => Made])[1]();
      const json = made.body === undefined ? {} : { "content-type": "application/json" };
      return { ...request, ...made, headers: { cookie, origin, ...json } };
    },
  };
}
