// @vitest-environment node
import { describe, expect, it } from "vitest";
import { boundToDay, datePresets, dayBounds } from "./datePresets.js";

describe("date filter presets", () => {
  const today = new Date(2026, 1, 14, 15, 30); // 14 Feb 2026, afternoon, local time

  it("covers the calendar ranges the labels promise", () => {
    const ranges = Object.fromEntries(datePresets.map((preset) => [preset.label, preset.range(today)]));
    expect(ranges.Today).toEqual({ from: "2026-02-14", to: "2026-02-14" });
    expect(ranges["Past 7 days"]).toEqual({ from: "2026-02-08", to: "2026-02-14" });
    expect(ranges["This month"]).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(ranges["This year"]).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("keeps @db.Date bounds as plain days and turns instants into local-day edges", () => {
    expect(dayBounds("2026-02-14", "end", true)).toBe("2026-02-14");
    const start = dayBounds("2026-02-14", "start", false);
    expect(new Date(start).getHours()).toBe(0);
    expect(boundToDay(start, false)).toBe("2026-02-14");
    expect(boundToDay(dayBounds("2026-02-14", "end", false), false)).toBe("2026-02-14");
  });
});
