/**
 * Sensible numbers by field name: prices and amounts in a shop's range, ages of adults, ratings from 1 to 5,
 * years of this century and the last; anything else a modest positive number. Clamped to the column's range.
 */
import type { Faker } from "@faker-js/faker";
import { foldName } from "./textByName.js";

export interface NumberRange {
  min: number;
  max: number;
  /** Digits after the point (Float and Decimal only). */
  decimals: number;
}

const rules: [RegExp, NumberRange][] = [
  [/cents$|incents|smallestunit/, { min: 100, max: 100_000, decimals: 0 }],
  [/isbn|ean|gtin|barcode/, { min: 9_780_000_000_000, max: 9_799_999_999_999, decimals: 0 }],
  [/discount/, { min: 0, max: 50, decimals: 2 }],
  [
    /price|amount|total|cost|fee|salary|balance|revenue|budget|payment|tax|subtotal/,
    {
      min: 1,
      max: 2_000,
      decimals: 2,
    },
  ],
  [/^age$|age$/, { min: 18, max: 90, decimals: 0 }],
  [/rating|stars|score/, { min: 1, max: 5, decimals: 1 }],
  [/percent|pct|ratio/, { min: 0, max: 100, decimals: 1 }],
  [/year/, { min: 1950, max: 2025, decimals: 0 }],
  [/latitude|^lat$/, { min: -90, max: 90, decimals: 6 }],
  [/longitude|^lng$|^lon$/, { min: -180, max: 180, decimals: 6 }],
  [/celsius|temperature|temp$/, { min: -20, max: 40, decimals: 1 }],
  [/humidity/, { min: 0, max: 100, decimals: 1 }],
  [/quantity|qty|count$|stock|seats|capacity/, { min: 1, max: 50, decimals: 0 }],
  [
    /position|order$|^index$|rank|sort|priority|step|level|number$|^no$|lineno/,
    { min: 1, max: 100, decimals: 0 },
  ],
  [/size|bytes|length$/, { min: 1_000, max: 10_000_000, decimals: 0 }],
  [/views|hits|likes|visits|clicks|downloads|followers/, { min: 0, max: 10_000, decimals: 0 }],
  [/weight|height|width|depth|distance/, { min: 1, max: 500, decimals: 2 }],
  [/duration|minutes|seconds|hours|days/, { min: 1, max: 300, decimals: 0 }],
];

const fallback: NumberRange = { min: 1, max: 1_000, decimals: 2 };

/** The range a number field named so is drawn from. */
export function numberRangeFor(fieldName: string): NumberRange {
  const folded = foldName(fieldName);
  return rules.find(([pattern]) => pattern.test(folded))?.[1] ?? fallback;
}

/** A number in `range`, clamped to [min, max] of the column, with at most `decimals` digits after the point. */
export function drawNumber(faker: Faker, range: NumberRange, column: { min: number; max: number }): number {
  const min = Math.max(range.min, column.min);
  const max = Math.min(range.max, column.max);
  const [low, high] = min <= max ? [min, max] : [column.min, column.max];
  const value = faker.number.float({ min: low, max: high, fractionDigits: range.decimals });
  return Math.min(high, Math.max(low, value));
}
