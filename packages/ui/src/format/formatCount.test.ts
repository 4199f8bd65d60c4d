import { describe, expect, it } from "vitest";
import { formatCount } from "./formatCount.js";

describe("formatCount", () => {
  it("says exact counts as they are, estimates as about, and a count the server stopped as many", () => {
    expect(formatCount(1234, false)).toBe(new Intl.NumberFormat().format(1234));
    expect(formatCount(1_200_000, true)).toMatch(/^about 1\.2M$/);
    expect(formatCount(null, true)).toBe("many");
  });
});
