/** How many rows of each kind the generators aim for at a given scale (1 = the full demo). */
export interface DemoCounts {
  publishers: number;
  authors: number;
  books: number;
  customers: number;
  staff: number;
  orders: number;
  reviews: number;
  exchangeRateDays: number;
}

/**
 * At scale 1 the demo has about 165,000 rows, order items being the big table (about 59,000): enough that an
 * admin which counts or offsets naively feels slow, while seeding stays well under a minute.
 * The category tree, tags, warehouses and settings are fixed so that every scale has all three tree levels.
 */
export function demoCounts(scale: number): DemoCounts {
  const scaled = (full: number, min: number, max = Number.POSITIVE_INFINITY) =>
    Math.min(max, Math.max(min, Math.round(full * scale)));
  return {
    // 160 = every "first last" combination of the publisher-name pool.
    publishers: scaled(40, 3, 160),
    authors: scaled(1_200, 10),
    books: scaled(3_000, 20),
    customers: scaled(8_000, 20),
    staff: scaled(40, 8),
    orders: scaled(25_000, 30),
    reviews: scaled(20_000, 30),
    exchangeRateDays: scaled(365, 14, 3_650),
  };
}
