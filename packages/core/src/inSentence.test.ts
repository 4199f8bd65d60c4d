import { describe, expect, it } from "vitest";
import { inSentence } from "./inSentence.js";

describe("a label inside a sentence", () => {
  it("is lower case but for its acronyms", () => {
    expect(inSentence("Order items")).toBe("order items");
    expect(inSentence("ISBN")).toBe("ISBN");
    expect(inSentence("API keys")).toBe("API keys");
    expect(inSentence("External IDs")).toBe("external IDs");
    expect(inSentence("Model 3D asset")).toBe("model 3D asset");
    expect(inSentence("Short URLs")).toBe("short URLs");
    expect(inSentence("Étagère")).toBe("étagère");
    expect(inSentence("Items")).toBe("items");
  });

  it("lowers a one-letter word: it is the start of the label, not an acronym", () => {
    expect(inSentence("A note")).toBe("a note");
    expect(inSentence("X")).toBe("x");
  });
});
