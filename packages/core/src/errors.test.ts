import { describe, expect, it, vi } from "vitest";
import { AtriumError, isAtriumError } from "./errors.js";

describe("AtriumError across copies of its module", () => {
  it("is recognised when another copy made it, as a project's route loaded through Vite's runner throws it", async () => {
    vi.resetModules();
    const copy = await import("./errors.js");
    expect(copy.AtriumError).not.toBe(AtriumError);
    const thrown = new copy.AtriumError("validation_failed", "reason: Say why", {
      fields: { reason: "Say why" },
    });
    expect(thrown instanceof AtriumError).toBe(true);
    expect(isAtriumError(thrown)).toBe(true);
    expect(thrown.toBody()).toEqual({
      error: { code: "validation_failed", message: "reason: Say why", fields: { reason: "Say why" } },
    });
  });

  it("is not claimed by other errors, and a subclass still checks its own prototype", () => {
    class HintedError extends AtriumError {}
    expect(new Error("plain") instanceof AtriumError).toBe(false);
    expect(isAtriumError({ code: "not_found", message: "look-alike" })).toBe(false);
    expect(new AtriumError("not_found", "gone") instanceof HintedError).toBe(false);
    expect(new HintedError("not_found", "gone") instanceof AtriumError).toBe(true);
  });
});
