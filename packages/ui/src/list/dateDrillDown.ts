/**
 * Django's `date_hierarchy`: links above a list that narrow it to a year, then a month, then a day of one date
 * field. A choice is the list's own date-range filter on that field (gte the first day, lte the last), so the
 * filter chips and panel show it and a shared URL keeps it. Days are local calendar days, "YYYY-MM-DD".
 */
import type { DateRange } from "./datePresets.js";

export type DrillLevel =
  | { kind: "all" }
  | { kind: "year"; year: number }
  | { kind: "month"; year: number; month: number }
  | { kind: "day"; year: number; month: number; day: number };

export interface DrillLink {
  label: string;
  range: DateRange;
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (value: number) => String(value).padStart(2, "0");
const dayText = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const daysIn = (year: number, month: number) => new Date(year, month, 0).getDate();

export const yearRange = (year: number): DateRange => ({ from: `${year}-01-01`, to: `${year}-12-31` });
export const monthRange = (year: number, month: number): DateRange => ({
  from: dayText(year, month, 1),
  to: dayText(year, month, daysIn(year, month)),
});

/** Which year, month or day the field's range chooses; any other range (typed in the panel) chooses none. */
export function drillLevel(range: DateRange): DrillLevel {
  const from = /^(\d{4})-(\d{2})-(\d{2})$/.exec(range.from);
  if (!from || !range.to) return { kind: "all" };
  const [year, month, day] = from.slice(1).map(Number) as [number, number, number];
  if (range.from === range.to) return { kind: "day", year, month, day };
  const asYear = yearRange(year);
  if (range.from === asYear.from && range.to === asYear.to) return { kind: "year", year };
  const asMonth = monthRange(year, month);
  if (range.from === asMonth.from && range.to === asMonth.to) return { kind: "month", year, month };
  return { kind: "all" };
}

/** What the level shows, in words: "2024", "Feb 2024", or the day; nothing for all dates. */
export function drillTitle(level: DrillLevel): string | undefined {
  if (level.kind === "all") return undefined;
  if (level.kind === "year") return String(level.year);
  if (level.kind === "month") return `${monthNames[level.month - 1]} ${level.year}`;
  return new Date(level.year, level.month - 1, level.day).toLocaleDateString(undefined, {
    dateStyle: "medium",
  });
}

/** The way back up: "All dates", then the year and the month above the level. */
export function drillCrumbs(level: DrillLevel): DrillLink[] {
  if (level.kind === "all") return [];
  const crumbs: DrillLink[] = [{ label: "All dates", range: { from: "", to: "" } }];
  if (level.kind === "month" || level.kind === "day")
    crumbs.push({ label: String(level.year), range: yearRange(level.year) });
  if (level.kind === "day") {
    crumbs.push({
      label: `${monthNames[level.month - 1]} ${level.year}`,
      range: monthRange(level.year, level.month),
    });
  }
  return crumbs;
}

/**
 * The choices one level down, between the first and last day the list holds (`first`, `last`): the years, or a
 * year's months, or a month's days. A single year offers its months straight away, as Django does.
 */
export function drillChoices(level: DrillLevel, first: string, last: string): DrillLink[] {
  if (level.kind === "day" || !first || !last) return [];
  const [firstYear, firstMonth] = first.split("-").map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split("-").map(Number) as [number, number];
  if (level.kind === "all" && firstYear !== lastYear) {
    const years: DrillLink[] = [];
    for (let year = firstYear; year <= lastYear; year++)
      years.push({ label: String(year), range: yearRange(year) });
    return years;
  }
  if (level.kind === "all" || level.kind === "year") {
    const year = level.kind === "year" ? level.year : firstYear;
    const from = year === firstYear ? firstMonth : 1;
    const to = year === lastYear ? lastMonth : 12;
    const months: DrillLink[] = [];
    for (let month = from; month <= to; month++) {
      months.push({ label: `${monthNames[month - 1]} ${year}`, range: monthRange(year, month) });
    }
    return months;
  }
  const days: DrillLink[] = [];
  const { year, month } = level;
  for (let day = 1; day <= daysIn(year, month); day++) {
    const text = dayText(year, month, day);
    if (text >= first && text <= last) days.push({ label: String(day), range: { from: text, to: text } });
  }
  return days;
}
