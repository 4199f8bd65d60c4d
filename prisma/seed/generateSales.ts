import type { OrderStatus, Prisma } from "../generated/client/client.js";
import type { DemoCounts } from "./demoCounts.js";
import type { BookFacts, Books } from "./generateBooks.js";
import type { People } from "./generatePeople.js";
import { addDays, appendTo, type Random, REFERENCE_DATE } from "./random.js";
import { reviewText } from "./reviewText.js";
import { ORDER_NOTES } from "./textPools.js";

export interface Sales {
  orders: Prisma.OrderCreateManyInput[];
  orderItems: Prisma.OrderItemCreateManyInput[];
  reviews: Prisma.ReviewCreateManyInput[];
  inventory: Prisma.InventoryCreateManyInput[];
}

const DAY_MS = 86_400_000;
/** How many lines an order has: mostly one or two books, sometimes a stack. */
const LINE_COUNTS = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 6] as const;

/** Orders, their items, reviews and stock; also fills in each book's average rating. */
export function generateSales(random: Random, counts: DemoCounts, books: Books, people: People): Sales {
  // Skews tuned so the best seller has about 2% of the sales, not a tenth of them.
  const nextBook = popularity(random, books.facts.length, 0.6);
  const nextCustomer = popularity(random, people.customerFacts.length, 0.5);
  /** Bought (customer, book) pairs by "customerId:bookId"; a Map keeps insertion order, so picks stay seeded. */
  const purchased: Purchases = new Map();
  const drafts = generateOrderDrafts(random, counts.orders, books, people, nextBook, nextCustomer, purchased);

  // Ids follow the order date, as they would in a live shop.
  drafts.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  const orders: Prisma.OrderCreateManyInput[] = [];
  const orderItems: Prisma.OrderItemCreateManyInput[] = [];
  drafts.forEach((draft, index) => {
    const id = index + 1;
    let totalCents = 0;
    for (const item of draft.items) {
      totalCents += Math.round(item.priceCents * item.quantity * (1 - item.discount));
      orderItems.push({
        orderId: id,
        bookId: item.bookId,
        editionId: item.editionId,
        quantity: item.quantity,
        unitPrice: (item.priceCents / 100).toFixed(2),
        discount: item.discount,
      });
    }
    orders.push({
      ...draft.order,
      id,
      number: `BK-${draft.placedAt.getUTCFullYear()}-${String(id).padStart(6, "0")}`,
      total: (totalCents / 100).toFixed(2),
    });
  });

  return {
    orders,
    orderItems,
    reviews: generateReviews(random, counts.reviews, books, people, nextBook, nextCustomer, purchased),
    inventory: generateInventory(random, books, people.warehouses.length),
  };
}

/** "customerId:bookId" -> [customer index, book index] of every book bought and not cancelled. */
type Purchases = Map<string, [customerIndex: number, bookIndex: number]>;

interface OrderDraft {
  placedAt: Date;
  order: Omit<Prisma.OrderCreateManyInput, "id" | "number" | "total">;
  items: { bookId: number; editionId: string; priceCents: number; quantity: number; discount: number }[];
}

function generateOrderDrafts(
  random: Random,
  count: number,
  books: Books,
  people: People,
  nextBook: () => number,
  nextCustomer: () => number,
  purchased: Purchases,
): OrderDraft[] {
  const drafts: OrderDraft[] = [];
  for (let index = 0; index < count; index += 1) {
    const customer = people.customerFacts[nextCustomer()] as People["customerFacts"][number];
    const since = Math.max(REFERENCE_DATE.getTime() - 730 * DAY_MS, customer.createdAt.getTime());
    const placedAt = random.between(new Date(since), REFERENCE_DATE);
    const status = statusFor(random, (REFERENCE_DATE.getTime() - placedAt.getTime()) / DAY_MS);
    const billing = random.pick(customer.addressIds);
    const bookIds = new Set<number>();
    const lines = random.pick(LINE_COUNTS);
    for (let attempt = 0; bookIds.size < lines && attempt < lines * 4; attempt += 1) {
      bookIds.add((books.facts[nextBook()] as BookFacts).id);
    }
    const items = [...bookIds].map((bookId) => {
      const edition = random.pick((books.facts[bookId - 1] as BookFacts).editions);
      if (status !== "CANCELLED") purchased.set(`${customer.id}:${bookId}`, [customer.id - 1, bookId - 1]);
      return {
        bookId,
        editionId: edition.id,
        priceCents: edition.priceCents,
        quantity: random.chance(0.9) ? 1 : random.int(2, 4),
        discount: random.chance(0.15) ? random.pick([0.05, 0.1, 0.15, 0.2]) : 0,
      };
    });
    drafts.push({
      placedAt,
      items,
      order: {
        customerId: customer.id,
        status,
        placedAt,
        updatedAt: random.between(placedAt, minDate(addDays(placedAt, 12), REFERENCE_DATE)),
        giftWrap: random.chance(0.08),
        notes: random.chance(0.05) ? random.pick(ORDER_NOTES) : null,
        billingAddressId: billing,
        // Most customers ship where they pay; some send books to another of their addresses.
        shippingAddressId: random.chance(0.8) ? billing : random.pick(customer.addressIds),
        handledById: status === "PENDING" ? null : random.pick(people.orderHandlerIds),
      },
    });
  }
  return drafts;
}

/** Where an order placed `ageDays` ago stands: recent ones wait to be paid or shipped, old ones arrived. */
export function statusFor(random: Random, ageDays: number): OrderStatus {
  if (random.chance(0.04)) return "CANCELLED";
  if (ageDays < 2) return random.chance(0.6) ? "PENDING" : "PAID";
  if (ageDays < 6) return random.pick(["PAID", "SHIPPED", "SHIPPED"]);
  if (ageDays < 15) return random.chance(0.3) ? "SHIPPED" : "DELIVERED";
  return "DELIVERED";
}

function generateReviews(
  random: Random,
  count: number,
  books: Books,
  people: People,
  nextBook: () => number,
  nextCustomer: () => number,
  purchased: Purchases,
): Prisma.ReviewCreateManyInput[] {
  const reviews: Prisma.ReviewCreateManyInput[] = [];
  const purchases = [...purchased.values()];
  const seen = new Set<string>();
  const starsByBook = new Map<number, number[]>();
  // The pairs space is far larger than the count, so collisions are rare; the cap guards tiny scales.
  for (let attempt = 0; reviews.length < count && attempt < count * 5; attempt += 1) {
    // Half the reviews come from buyers, the rest from readers who got the book elsewhere.
    const [customerIndex, bookIndex] =
      purchases.length > 0 && random.chance(0.5) ? random.pick(purchases) : [nextCustomer(), nextBook()];
    const book = books.facts[bookIndex] as BookFacts;
    const customer = people.customerFacts[customerIndex] as People["customerFacts"][number];
    const key = `${customer.id}:${book.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const stars = Math.min(5, Math.max(1, Math.round(book.quality + (random.int(0, 20) - 10) / 6)));
    const { title, body } = reviewText(random, stars);
    const from = new Date(Math.max(book.publishedOn.getTime(), customer.createdAt.getTime()));
    appendTo(starsByBook, book.id, stars);
    reviews.push({
      id: reviews.length + 1,
      bookId: book.id,
      customerId: customer.id,
      stars,
      title,
      body,
      helpfulVotes: random.chance(0.6) ? 0 : random.int(1, 120),
      verifiedPurchase: purchased.has(key),
      createdAt: random.between(from, REFERENCE_DATE),
    });
  }
  for (const book of books.books) {
    const stars = starsByBook.get(book.id as number);
    book.rating = stars
      ? Math.round((stars.reduce((sum, value) => sum + value, 0) / stars.length) * 100) / 100
      : null;
  }
  return reviews;
}

function generateInventory(
  random: Random,
  books: Books,
  warehouses: number,
): Prisma.InventoryCreateManyInput[] {
  const warehouseIds = Array.from({ length: warehouses }, (_, index) => index + 1);
  const inventory: Prisma.InventoryCreateManyInput[] = [];
  for (const edition of books.editions) {
    // Digital editions have no stock.
    if (edition.format === "EBOOK" || edition.format === "AUDIOBOOK") continue;
    for (const warehouseId of random.sample(warehouseIds, random.int(1, 4)).sort((a, b) => a - b)) {
      inventory.push({
        editionId: edition.id as string,
        warehouseId,
        quantity: random.chance(0.1) ? 0 : random.int(1, 250),
        ...(random.chance(0.5) ? {} : { reorderLevel: random.int(2, 25) }),
        updatedAt: random.daysAgo(0, 90),
      });
    }
  }
  return inventory;
}

/** A picker over `size` indexes where a shuffled few are far more popular than the rest. */
function popularity(random: Random, size: number, skew: number): () => number {
  const order = random.faker.helpers.shuffle(Array.from({ length: size }, (_, index) => index));
  const next = random.zipf(size, skew);
  return () => order[next()] as number;
}

function minDate(a: Date, b: Date): Date {
  return a < b ? a : b;
}
