/**
 * The seed plan's makers for trade and reference data (atrium.config.ts, `seed`): orders and their lines,
 * reviews, stock, exchange rates and the shop's settings. Dates count back from the demo's fixed "today"
 * (REFERENCE_DATE), so the same seed writes the same rows on any day.
 */
import type { OrderStatus } from "../../generated/client/client.js";
import { statusFor } from "../generateSales.js";
import { EXCHANGE_RATES, SHOP_SETTINGS } from "../pools.js";
import { dayBefore, REFERENCE_DATE, randomFrom } from "../random.js";
import { reviewText } from "../reviewText.js";
import { ORDER_NOTES } from "../textPools.js";
import { type PlanFields, withRound } from "./planFields.js";

const DAY_MS = 86_400_000;

export const order: PlanFields<"Order"> = {
  // Two years of trade, so the date drill-down above the list has years, months and days to open.
  placedAt: ({ faker }) => randomFrom(faker).daysAgo(0, 730),
  // BK-<year>-<row number>: unique by construction, and in the shape the schema documents.
  number: ({ row, index }) =>
    `BK-${(row.placedAt as Date).getUTCFullYear()}-${String(index + 1).padStart(6, "0")}`,
  status: ({ faker, row }): OrderStatus =>
    statusFor(randomFrom(faker), (REFERENCE_DATE.getTime() - (row.placedAt as Date).getTime()) / DAY_MS),
  // What the checkout charged: one to four books at shelf prices. The lines are drawn on their own, so the
  // total is a plausible amount rather than their sum (the form's help text says so).
  total: ({ faker }) => {
    const random = randomFrom(faker);
    return ((random.int(1, 4) * random.int(899, 2_999)) / 100).toFixed(2);
  },
  giftWrap: ({ faker }) => randomFrom(faker).chance(0.08),
  notes: ({ faker }) => (randomFrom(faker).chance(0.1) ? faker.helpers.arrayElement(ORDER_NOTES) : null),
};

export const orderItem: PlanFields<"OrderItem"> = {
  quantity: [1, 1, 1, 1, 1, 1, 2, 2, 3],
  unitPrice: ({ faker }) => {
    const random = randomFrom(faker);
    return ((random.int(5, 37) * 100 + random.pick([99, 99, 49, 0])) / 100).toFixed(2);
  },
  discount: [0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.15, 0.2],
};

export const review: PlanFields<"Review"> = {
  // Readers who bother to review mostly liked the book.
  stars: [5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1],
  title: ({ faker, row }) => reviewText(randomFrom(faker), row.stars as number).title,
  body: ({ faker, row }) => reviewText(randomFrom(faker), row.stars as number).body,
  helpfulVotes: ({ faker }) => {
    const random = randomFrom(faker);
    return random.chance(0.6) ? random.int(0, 3) : random.int(4, 60);
  },
  verifiedPurchase: ({ faker }) => randomFrom(faker).chance(0.6),
  createdAt: ({ faker }) => randomFrom(faker).daysAgo(0, 1_000),
};

export const inventory: PlanFields<"Inventory"> = {
  // One shelf in ten is empty, so the reorder level has something to flag.
  quantity: ({ faker }) => {
    const random = randomFrom(faker);
    return random.chance(0.1) ? 0 : random.int(1, 150);
  },
  reorderLevel: [5, 5, 5, 10, 10, 20],
};

const currencies = Object.keys(EXCHANGE_RATES) as (keyof typeof EXCHANGE_RATES)[];

/** Row n is currency n mod 8 on the (n div 8)-th day before "today": every (currency, day) pair once. */
export const exchangeRate: PlanFields<"ExchangeRate"> = {
  currency: ({ index }) => currencies[index % currencies.length] ?? "EUR",
  day: ({ index }) => dayBefore(Math.floor(index / currencies.length)),
  // A slow swing plus a little daily noise, so a chart of `rate` looks like a market rather than a constant.
  rate: ({ faker, index }) => {
    const currency = index % currencies.length;
    const day = Math.floor(index / currencies.length);
    const base = EXCHANGE_RATES[currencies[currency] ?? "EUR"];
    const rate = base * (1 + 0.03 * Math.sin(day / 11 + currency) + randomFrom(faker).int(-40, 40) / 10_000);
    return rate.toFixed(rate >= 100 ? 2 : 4);
  },
  source: ({ faker }) => (randomFrom(faker).chance(0.02) ? "manual" : "ECB"),
};

const settingAt = (index: number) => SHOP_SETTINGS[index % SHOP_SETTINGS.length] ?? SHOP_SETTINGS[0];

export const setting: PlanFields<"Setting"> = {
  key: ({ index }) => withRound(settingAt(index)?.key ?? "", index, SHOP_SETTINGS.length).replace(" ", "."),
  value: ({ index }) => settingAt(index)?.value ?? null,
  description: ({ index }) => settingAt(index)?.description ?? null,
};
