import { describe, expect, it } from "vitest";
import { readGenerateForm } from "./generateForm.js";

describe("readGenerateForm", () => {
  it("reads a count and an optional seed, thousands separators allowed", () => {
    expect(readGenerateForm("1,200", "")).toEqual({ request: { count: 1200 }, errors: {} });
    expect(readGenerateForm(" 50 ", "42")).toEqual({ request: { count: 50, seed: 42 }, errors: {} });
  });

  it("places a message beside each field it cannot read, and sends nothing", () => {
    const form = readGenerateForm("0", "-3");
    expect(form.request).toBeUndefined();
    expect(form.errors.count).toBe("Enter a whole number from 1 to 10,000");
    expect(form.errors.seed).toContain("0 or more");
    expect(readGenerateForm("10001", "").errors.count).toBeDefined();
    expect(readGenerateForm("2.5", "").errors.count).toBeDefined();
    expect(readGenerateForm("", "").errors.count).toBeDefined();
  });
});
