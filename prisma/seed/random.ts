/**
 * The demo's random helpers over a seeded Faker, with a fixed reference date, so the same seed always yields the
 * same rows, byte for byte, on every machine and every day. Faker is only a type here: this module is imported by
 * the seed plan's makers (atrium.config.ts, loaded by every `atrium` command), which get their Faker from Atrium;
 * the fixed generator makes its own in createRandom.ts.
 */
import type { Faker } from "@faker-js/faker";

export const DEMO_SEED = 20261125;
/** "Today" in the demo: every date is computed back from here, never from the clock. */
export const REFERENCE_DATE = new Date("2026-11-01T12:00:00.000Z");

const DAY_MS = 86_400_000;

export interface Random {
  /** The seeded Faker, for names, places and phone numbers. */
  faker: Faker;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items (fewer when `items` is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A picker favouring low indexes: index i has weight 1 / (i + 1) ** skew, like real popularity. */
  zipf(size: number, skew: number): () => number;
  /** A moment between `minDays` and `maxDays` days before `from` (default: the reference date). */
  daysAgo(minDays: number, maxDays: number, from?: Date): Date;
  /** A moment between two dates, to the second. */
  between(start: Date, end: Date): Date;
  /** Prisma's `cuid()` is generated in the client from the clock; this one looks alike but is seeded. */
  cuid(): string;
  uuid(): string;
}

/** The helpers over `faker`, which the caller has seeded. */
export function randomFrom(faker: Faker): Random {
  const int = (min: number, max: number): number => faker.number.int({ min, max });
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick() needs at least one item");
    return items[int(0, items.length - 1)] as T;
  };

  return {
    faker,
    int,
    pick,
    chance: (p) => faker.number.float({ min: 0, max: 1 }) < p,
    sample: (items, count) => faker.helpers.arrayElements([...items], Math.min(count, items.length)),
    zipf(size, skew) {
      const cumulative: number[] = [];
      let sum = 0;
      for (let i = 0; i < size; i += 1) {
        sum += 1 / (i + 1) ** skew;
        cumulative.push(sum);
      }
      return () => {
        const target = faker.number.float({ min: 0, max: sum });
        let low = 0;
        let high = size - 1;
        while (low < high) {
          const mid = (low + high) >> 1;
          if ((cumulative[mid] as number) < target) low = mid + 1;
          else high = mid;
        }
        return low;
      };
    },
    daysAgo(minDays, maxDays, from = REFERENCE_DATE) {
      // Whole seconds: SQLite stores milliseconds, but round values read better in the admin.
      const seconds = int(Math.round(minDays * 86_400), Math.round(maxDays * 86_400));
      return new Date(from.getTime() - seconds * 1000);
    },
    between(start, end) {
      const seconds = int(0, Math.max(0, Math.floor((end.getTime() - start.getTime()) / 1000)));
      return new Date(start.getTime() + seconds * 1000);
    },
    cuid: () => `c${faker.string.alphanumeric({ length: 24, casing: "lower" })}`,
    uuid: () => faker.string.uuid(),
  };
}

/** Midnight UTC `days` days before the reference date. */
export function dayBefore(days: number): Date {
  const midnight = Date.UTC(
    REFERENCE_DATE.getUTCFullYear(),
    REFERENCE_DATE.getUTCMonth(),
    REFERENCE_DATE.getUTCDate(),
  );
  return new Date(midnight - days * DAY_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Adds `value` to the list under `key`, creating the list on first use. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
