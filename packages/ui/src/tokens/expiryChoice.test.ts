import { describe, expect, it } from "vitest";
import { expiryOf } from "./expiryChoice.js";

describe("expiryOf", () => {
  const now = new Date("2026-05-01T12:00:00Z");

  it("adds the chosen number of days", () => {
    expect(expiryOf("30", "", now)).toBe("2026-05-31T12:00:00.000Z");
    expect(expiryOf("365", "", now)).toBe("2027-05-01T12:00:00.000Z");
  });

  it("gives nothing until a choice is made, so the server asks for one", () => {
    expect(expiryOf("", "", now)).toBeUndefined();
    expect(expiryOf("date", "", now)).toBeUndefined();
    expect(expiryOf("date", "not a date", now)).toBeUndefined();
  });

  it("ends a chosen date at the end of that day, local time", () => {
    const end = new Date(expiryOf("date", "2026-06-15", now) as string);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([
      2026, 5, 15, 23, 59,
    ]);
  });
});
