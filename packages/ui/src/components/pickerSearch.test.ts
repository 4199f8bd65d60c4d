import { describe, expect, it } from "vitest";
import { pickerSearch } from "./pickerSearch.js";

const refs = [
  { $id: "12", $label: "12" },
  { $id: "31", $label: "31" },
];

describe("pickerSearch", () => {
  it("asks the look-up to search a searchable model", () => {
    const { query, narrow } = pickerSearch({ searchFields: ["name"] }, "dune");
    expect(query).toBe("dune");
    expect(narrow(refs)).toEqual(refs);
  });

  it("never sends a search for a model whose search fields are all hidden: it narrows the labels instead", () => {
    const { query, narrow } = pickerSearch({ searchFields: [] }, "1");
    expect(query).toBe("");
    expect(narrow(refs)).toEqual(refs);
    expect(pickerSearch({ searchFields: [] }, "3").narrow(refs)).toEqual([refs[1]]);
    expect(pickerSearch({ searchFields: [] }, "").narrow(refs)).toEqual(refs);
  });
});
