import { describe, expect, it } from "vitest";
import { normalizeDecimal, numberToDecimalText, parseDateTime } from "./valueText.js";

describe("numberToDecimalText", () => {
  it("writes numbers that JavaScript prints with an exponent in plain digits", () => {
    expect(numberToDecimalText(-1.2345e25)).toBe("-12345000000000000000000000");
    expect(numberToDecimalText(1e-7)).toBe("0.0000001");
    expect(numberToDecimalText(-2.5e-8)).toBe("-0.000000025");
    expect(numberToDecimalText(123.456)).toBe("123.456");
  });
});

describe("normalizeDecimal", () => {
  it("drops leading zeros and the sign of zero but keeps the scale", () => {
    expect(normalizeDecimal("-007.100")).toBe("-7.100");
    expect(normalizeDecimal("000")).toBe("0");
    expect(normalizeDecimal("-0")).toBe("0");
    expect(normalizeDecimal(".5")).toBeUndefined();
    expect(normalizeDecimal("5.")).toBeUndefined();
    expect(normalizeDecimal(" 5")).toBeUndefined();
  });
});

describe("parseDateTime", () => {
  it("keeps years below 100 as written and applies negative offsets", () => {
    expect(parseDateTime("0050-01-01T00:00:00Z")?.getUTCFullYear()).toBe(50);
    expect(parseDateTime("2024-12-31T23:30:00-01:00")?.toISOString()).toBe("2025-01-01T00:30:00.000Z");
    expect(parseDateTime("2024-05-01T24:00:00Z")).toBeUndefined();
  });
});
