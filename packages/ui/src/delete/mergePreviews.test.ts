// @vitest-environment node
import { describe, expect, it } from "vitest";
import { mergePreviews } from "./mergePreviews.js";

describe("mergePreviews", () => {
  const group = (count: number, examples: string[]) => ({
    model: "comment",
    label: "Comments",
    via: "post",
    count,
    examples,
  });

  it("sums what each selected record would take with it and blocks if any one is blocked", () => {
    const merged = mergePreviews([
      { cascades: [group(2, ["a", "b"])], setNull: [], blockers: [], canDelete: true },
      { cascades: [group(3, ["b", "c"])], setNull: [], blockers: [group(1, ["x"])], canDelete: false },
    ]);
    expect(merged.cascades).toEqual([group(5, ["a", "b", "c"])]);
    expect(merged.blockers).toHaveLength(1);
    expect(merged.canDelete).toBe(false);
  });
});
