import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("formatDateTime", () => {
  const before = process.env.TZ;
  let formatDateTime: typeof import("./formatDate.js").formatDateTime;
  beforeAll(async () => {
    // The formats are built when the module loads, in the zone of that moment.
    process.env.TZ = "America/New_York";
    formatDateTime = (await import("./formatDate.js")).formatDateTime;
  });
  afterAll(() => {
    process.env.TZ = before;
  });

  it("names the time zone when asked, so a detail view is never read as UTC by mistake", () => {
    const shown = formatDateTime("2026-01-15T17:30:45.000Z", { withZone: true });
    expect(shown).toMatch(/12:30/);
    expect(shown).toMatch(/EST|GMT-5/);
  });

  it("stays short in table cells", () => {
    expect(formatDateTime("2026-01-15T17:30:45.000Z")).not.toMatch(/EST|GMT/);
  });

  it("gives back text that is not a date unchanged", () => {
    expect(formatDateTime("soon", { withZone: true })).toBe("soon");
  });
});
