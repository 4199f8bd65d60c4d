import type { ComputedColumnMeta, WireRow } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { addComputedValues, type ComputedValueFunction } from "./computedValues.js";

const columns: ComputedColumnMeta[] = [
  {
    kind: "aggregate",
    name: "reviewCount",
    label: "Reviews",
    aggregate: "count",
    relation: "reviews",
    sortable: true,
  },
  { kind: "value", name: "shouted", label: "Shouted", sortable: false },
];
const wire: WireRow = { $id: "1", $label: "Dune", title: "Dune" };

function computed(run: ComputedValueFunction) {
  return addComputedValues(
    wire,
    { $computed: { reviewCount: 3 } },
    columns,
    new Map([["shouted", run]]),
  ) as WireRow & {
    $computed?: Record<string, unknown>;
    $computedErrors?: Record<string, string>;
  };
}

describe("addComputedValues", () => {
  it("puts the aggregates and the function's value under $computed, leaving the fields as they were", () => {
    const row = computed((visible) => String(visible.title).toUpperCase());
    expect(row).toEqual({ ...wire, $computed: { reviewCount: 3, shouted: "DUNE" } });
  });

  it("fails only the cell of a function that throws, returns something else, or writes to the row", () => {
    const thrown = computed(() => {
      throw new Error("no memo");
    });
    expect(thrown.$computed).toEqual({ reviewCount: 3, shouted: null });
    expect(thrown.$computedErrors).toEqual({ shouted: "Shouted: no memo" });
    expect(computed(() => ({ nested: true })).$computedErrors).toEqual({
      shouted:
        "Shouted: the value function of 'shouted' returned object; return a text, a finite number or null",
    });
    expect(computed(() => Number.NaN).$computedErrors?.shouted).toContain("returned NaN");
    // The row it gets is the user's row, read-only: a function cannot change what the list sends.
    const written = computed((visible) => {
      (visible as Record<string, unknown>).title = "changed";
      return 1;
    });
    expect(written.title).toBe("Dune");
    expect(written.$computedErrors?.shouted).toMatch(/^Shouted: /);
  });
});
