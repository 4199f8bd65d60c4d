/**
 * What the scale bench measures at each size: five requests a user makes on the order list, each as the HTTP
 * path Atrium answers and as the least work the raw driver needs for the same answer: the page's rows with
 * their to-one labels in one joined statement, the total counted up to 100,001 rows as Atrium counts it, and
 * the page's item counts for its keys only. Both answers are turned into JSON, as a server would send them.
 */
import { encodeListCursor, type SchemaMeta } from "@atrium/core";
import type { RawDriver, Row } from "./rawDriver.js";

export interface ScaleCase {
  name: string;
  /** Atrium's request for this case on a table of `size` orders. */
  path(size: number): string;
  /** The same answer straight through the driver. */
  raw(driver: RawDriver, size: number): Promise<string>;
}

const labelled = `SELECT o.id, o.number, o.customer_id, o.status, o.placed_at, o.updated_at, o.total, o.gift_wrap,
    o.notes, o.billing_address_id, o.shipping_address_id, o.handled_by_id, c.email AS customer_label,
    b.label AS billing_label, s.label AS shipping_label, h.name AS handled_by_label
  FROM orders o
  LEFT JOIN "Customer" c ON c.id = o.customer_id
  LEFT JOIN "Address" b ON b.id = o.billing_address_id
  LEFT JOIN "Address" s ON s.id = o.shipping_address_id
  LEFT JOIN "Staff" h ON h.id = o.handled_by_id`;

async function itemCounts(driver: RawDriver, rows: Row[]): Promise<Row[]> {
  if (rows.length === 0) return [];
  const keys = rows.map((row) => row.id);
  return driver.all(
    `SELECT order_id, COUNT(*) AS n FROM order_items WHERE order_id IN (${keys.map(() => "?").join(", ")}) GROUP BY order_id`,
    keys,
  );
}

/** A list page: 51 rows (one more says whether a next page exists), its bounded total, its item counts. */
async function rawList(driver: RawDriver, where: string, params: unknown[]): Promise<string> {
  const [rows, total] = await Promise.all([
    driver.all(`${labelled} WHERE ${where} ORDER BY o.id DESC LIMIT 51`, params),
    driver.all(
      `SELECT COUNT(*) AS n FROM (SELECT o.id FROM orders o WHERE ${where} LIMIT 100001) sub`,
      params,
    ),
  ]);
  return JSON.stringify({ rows, total, counts: await itemCounts(driver, rows) });
}

/** The row at 90% of the way down the list (newest first): the order numbered a tenth of the size. */
export const deepId = (size: number) => Math.max(1, Math.floor(size / 10));
export const searchedNumber = (size: number) => `BK-${Math.floor(size / 3) + 7}`;
export const recordId = (size: number) => Math.floor(size / 2);

export const scaleCases = (schema: SchemaMeta): ScaleCase[] => [
  {
    name: "list page 1 (50 newest orders)",
    path: () => "/api/records/order?perPage=50",
    raw: (driver) => rawList(driver, "1 = 1", []),
  },
  {
    name: "keyset page at 90% depth",
    path: (size) => `/api/records/order?perPage=50&cursor=${cursorBefore(schema, deepId(size))}`,
    raw: async (driver, size) => {
      const rows = await driver.all(`${labelled} WHERE o.id < ? ORDER BY o.id DESC LIMIT 51`, [deepId(size)]);
      const total = await driver.all(
        "SELECT COUNT(*) AS n FROM (SELECT o.id FROM orders o LIMIT 100001) sub",
      );
      return JSON.stringify({ rows, total, counts: await itemCounts(driver, rows) });
    },
  },
  {
    name: "filtered list (status = SHIPPED)",
    path: () => "/api/records/order?perPage=50&filter.status.eq=SHIPPED",
    raw: (driver) => rawList(driver, "o.status = ?", ["SHIPPED"]),
  },
  {
    name: "search an order number",
    path: (size) => `/api/records/order?perPage=50&q=${searchedNumber(size)}`,
    // search.mode "auto": past 100,000 rows SQLite searches the indexed (unique) number by prefix; PostgreSQL
    // keeps contains, as the index has no text_pattern_ops.
    raw: (driver, size) => {
      const text = searchedNumber(size);
      if (driver.kind === "postgresql") return rawList(driver, "o.number ILIKE ?", [`%${text}%`]);
      if (size <= 100_000) return rawList(driver, "o.number LIKE ?", [`%${text}%`]);
      // A prefix as a key range (digits have no case), the least work SQLite's index on number needs.
      const after = text.slice(0, -1) + String.fromCharCode(text.charCodeAt(text.length - 1) + 1);
      return rawList(driver, "o.number >= ? AND o.number < ?", [text, after]);
    },
  },
  {
    name: "record page (one order)",
    path: (size) => `/api/records/order/${recordId(size)}`,
    raw: async (driver, size) => {
      const rows = await driver.all(`${labelled} WHERE o.id = ?`, [recordId(size)]);
      return JSON.stringify({ rows, counts: await itemCounts(driver, rows) });
    },
  },
];

/** The cursor page 1 hands out, moved to the row `id`: the list is sorted newest first (`-id`). */
function cursorBefore(schema: SchemaMeta, id: number): string {
  const order = schema.models.find((model) => model.name === "Order");
  if (!order) throw new Error("The demo's schema has no Order model");
  return encodeListCursor(schema, order, [{ path: ["id"], direction: "desc" }], {
    values: [id],
    direction: "next",
  });
}
