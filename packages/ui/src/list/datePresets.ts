import { localDay } from "../format/formatDate.js";

export interface DateRange {
  /** Local calendar days, "YYYY-MM-DD", inclusive. */
  from: string;
  to: string;
}

export interface DatePreset {
  label: string;
  range: (today: Date) => DateRange;
}

export const datePresets: DatePreset[] = [
  { label: "Today", range: (today) => ({ from: localDay(today), to: localDay(today) }) },
  {
    label: "Past 7 days",
    range: (today) => ({
      from: localDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6)),
      to: localDay(today),
    }),
  },
  {
    label: "This month",
    range: (today) => ({
      from: localDay(new Date(today.getFullYear(), today.getMonth(), 1)),
      to: localDay(new Date(today.getFullYear(), today.getMonth() + 1, 0)),
    }),
  },
  {
    label: "This year",
    range: (today) => ({ from: `${today.getFullYear()}-01-01`, to: `${today.getFullYear()}-12-31` }),
  },
];

/**
 * Filter bounds for a day range. `@db.Date` columns compare calendar days as they are; instants compare
 * against the user's local midnight, so "today" means the user's today, not UTC's.
 */
export function dayBounds(day: string, edge: "start" | "end", dateOnly: boolean): string {
  if (dateOnly) return day;
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const local =
    edge === "start"
      ? new Date(year, month - 1, date, 0, 0, 0, 0)
      : new Date(year, month - 1, date, 23, 59, 59, 999);
  return local.toISOString();
}

/** The local calendar day of a stored bound (inverse of `dayBounds`). */
export function boundToDay(bound: string | undefined, dateOnly: boolean): string {
  if (!bound) return "";
  if (dateOnly) return bound.slice(0, 10);
  const date = new Date(bound);
  return Number.isNaN(date.getTime()) ? "" : localDay(date);
}
