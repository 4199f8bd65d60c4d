import type { Prisma } from "../generated/client/client.js";
import { EXCHANGE_RATES, SHOP_SETTINGS } from "./pools.js";
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
  return SHOP_SETTINGS.map((setting) => ({ ...setting, updatedAt }));
}
