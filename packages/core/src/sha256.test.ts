import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "./sha256.js";

describe("sha256", () => {
  it("matches node:crypto for empty, block-boundary, multi-block and non-ASCII text", () => {
    const texts = [
      "",
      "abc",
      "a".repeat(55),
      "a".repeat(56),
      "a".repeat(64),
      "x".repeat(1000),
      "Crème brûlée 📚",
    ];
    for (const text of texts) {
      const expected = createHash("sha256").update(text, "utf8").digest("hex");
      expect(Buffer.from(sha256(text)).toString("hex"), JSON.stringify(text)).toBe(expected);
    }
  });
});
