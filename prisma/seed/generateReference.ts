import type { Prisma } from "../generated/client/client.js";
import { EXCHANGE_RATES } from "./pools.js";
import { dayBefore, type Random, REFERENCE_DATE } from "./random.js";

export interface Reference {
  exchangeRates: Prisma.ExchangeRateCreateManyInput[];
  settings: Prisma.SettingCreateManyInput[];
}

/** The two models without an @id: daily rates (compound unique) and settings (unique key). */
export function generateReference(random: Random, days: number): Reference {
  const exchangeRates: Prisma.ExchangeRateCreateManyInput[] = [];
  for (const [currency, start] of Object.entries(EXCHANGE_RATES)) {
    let rate = start;
    for (let day = days - 1; day >= 0; day -= 1) {
      // A small random walk, so charts and filters on `rate` have something to show.
      rate *= 1 + random.int(-40, 40) / 10_000;
      exchangeRates.push({
        currency,
        day: dayBefore(day),
        rate: rate.toFixed(rate >= 100 ? 2 : 4),
        ...(random.chance(0.02) ? { source: "manual" } : {}),
      });
    }
  }
  return { exchangeRates, settings: settings() };
}

function settings(): Prisma.SettingCreateManyInput[] {
  const updatedAt = REFERENCE_DATE;
  const values: [key: string, value: Prisma.InputJsonValue, description: string | null][] = [
    ["shop.name", "Atrium Books", "Shown in e-mails and on invoices."],
    ["shop.currency", "USD", "Currency of prices and order totals."],
    ["shop.openForOrders", true, "Turn off to pause checkout during stock-taking."],
    ["shipping.freeAbove", 35, "Order total in USD above which shipping is free."],
    ["shipping.carriers", ["UPS", "USPS", "DHL"], null],
    ["orders.cancelWindowHours", 24, "How long a customer may cancel a paid order."],
    ["reviews.moderation", { autoApproveStars: [4, 5], bannedWords: ["spoiler"] }, null],
    ["loyalty.pointsPerDollar", 1.5, "Loyalty points earned per US dollar spent."],
    ["homepage.featuredTags", ["staff-pick", "award-winner", "debut"], "Tag slugs on the home page."],
    ["maintenance.message", "", "Banner text; empty hides the banner."],
  ];
  return values.map(([key, value, description]) => ({ key, value, description, updatedAt }));
}
