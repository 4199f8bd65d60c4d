import { describe, expect, it } from "vitest";
import { caseVariants, maxCaseVariants } from "./caseVariants.js";

/** What SQLite's LIKE does: ASCII letters fold, others compare exactly. */
function likeContains(haystack: string, needle: string): boolean {
  const fold = (text: string) => text.replace(/[A-Z]/g, (char) => char.toLowerCase());
  return fold(haystack).includes(fold(needle));
}

function found(haystack: string, needle: string): boolean {
  return caseVariants(needle).some((variant) => likeContains(haystack, variant));
}

describe("caseVariants", () => {
  it("leaves text without non-ASCII letters alone: LIKE already ignores its case", () => {
    expect(caseVariants("Hello, World 42")).toEqual(["Hello, World 42"]);
    expect(caseVariants("日本")).toEqual(["日本"]);
  });

  it("finds non-ASCII letters whatever their case, as PostgreSQL's insensitive mode does", () => {
    expect(found("Grüße aus Köln", "GRÜ")).toBe(true);
    expect(found("GRÜSSE", "grü")).toBe(true);
    expect(found("Ελληνικά", "ΕΛΛΗΝ")).toBe(true);
    expect(found("Мария Иванова", "иванова")).toBe(true);
    expect(found("ÉCOLE ÉLÉMENTAIRE", "école élé")).toBe(true);
    // Letters whose other case is several letters are not expanded: "ß" is not "SS" to a database either.
    expect(found("Grüße", "GRÜSSE")).toBe(false);
    expect(found("Gruesse", "GRÜ")).toBe(false);
  });

  it("searches every combination up to the limit, then only the common spellings", () => {
    expect(caseVariants("éüöä")).toHaveLength(maxCaseVariants);
    expect(found("xxÉüÖäxx", "éüöä")).toBe(true);
    const long = "éèêëü straße";
    const variants = caseVariants(long);
    expect(variants.length).toBeLessThanOrEqual(5);
    expect(found("ÉÈÊËÜ STRAßE", long)).toBe(true);
    expect(found("Éèêëü straße", long)).toBe(true);
    expect(found("Éèêëü Straße", long)).toBe(true);
    // Mixed case beyond the limit is the documented gap.
    expect(found("éÈêËü straße", long)).toBe(false);
  });

  it("keeps characters whose case change would alter their length", () => {
    // "İ".toLowerCase() is two code points; the dotted capital stays as typed.
    expect(caseVariants("İ")).toEqual(["İ"]);
    expect(caseVariants("ǅ").sort()).toEqual(["ǅ", "ǆ", "Ǆ"].sort());
  });
});
