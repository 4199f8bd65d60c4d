import { describe, expect, it } from "vitest";
import { drillChoices, drillCrumbs, drillLevel, drillTitle } from "./dateDrillDown.js";

describe("date drill-down", () => {
  it("reads the year, month or day the field's range chooses, and nothing from a typed range", () => {
    expect(drillLevel({ from: "", to: "" })).toEqual({ kind: "all" });
    expect(drillLevel({ from: "2024-01-01", to: "2024-12-31" })).toEqual({ kind: "year", year: 2024 });
    expect(drillLevel({ from: "2024-02-01", to: "2024-02-29" })).toEqual({
      kind: "month",
      year: 2024,
      month: 2,
    });
    expect(drillLevel({ from: "2023-02-01", to: "2023-02-28" })).toEqual({
      kind: "month",
      year: 2023,
      month: 2,
    });
    expect(drillLevel({ from: "2024-03-09", to: "2024-03-09" })).toEqual({
      kind: "day",
      year: 2024,
      month: 3,
      day: 9,
    });
    expect(drillLevel({ from: "2024-03-02", to: "2024-03-20" })).toEqual({ kind: "all" });
  });

  it("offers the years between the first and last day, then a year's months within them, then a month's days", () => {
    const years = drillChoices({ kind: "all" }, "2022-11-15", "2024-02-03");
    expect(years.map((link) => link.label)).toEqual(["2022", "2023", "2024"]);
    expect(years[1]?.range).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    const months = drillChoices({ kind: "year", year: 2022 }, "2022-11-15", "2024-02-03");
    expect(months.map((link) => link.label)).toEqual(["Nov 2022", "Dec 2022"]);
    expect(
      drillChoices({ kind: "year", year: 2024 }, "2022-11-15", "2024-02-03").map((link) => link.label),
    ).toEqual(["Jan 2024", "Feb 2024"]);
    const days = drillChoices({ kind: "month", year: 2024, month: 2 }, "2022-11-15", "2024-02-03");
    expect(days.map((link) => link.label)).toEqual(["1", "2", "3"]);
    expect(days[2]?.range).toEqual({ from: "2024-02-03", to: "2024-02-03" });
    expect(drillChoices({ kind: "day", year: 2024, month: 2, day: 3 }, "2022-11-15", "2024-02-03")).toEqual(
      [],
    );
  });

  it("offers a single year's months straight away, and nothing for an empty list", () => {
    expect(drillChoices({ kind: "all" }, "2024-03-10", "2024-05-01").map((link) => link.label)).toEqual([
      "Mar 2024",
      "Apr 2024",
      "May 2024",
    ]);
    expect(drillChoices({ kind: "all" }, "", "")).toEqual([]);
  });

  it("leads back up through the month and the year to all dates", () => {
    const crumbs = drillCrumbs({ kind: "day", year: 2024, month: 2, day: 3 });
    expect(crumbs.map((link) => link.label)).toEqual(["All dates", "2024", "Feb 2024"]);
    expect(crumbs[2]?.range).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(drillCrumbs({ kind: "all" })).toEqual([]);
    expect(drillTitle({ kind: "month", year: 2024, month: 2 })).toBe("Feb 2024");
    expect(drillTitle({ kind: "year", year: 2024 })).toBe("2024");
    expect(drillTitle({ kind: "all" })).toBeUndefined();
  });
});
