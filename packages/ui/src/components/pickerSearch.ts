import type { RecordRef } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";

/**
 * What a picker asks the look-up for, and how it narrows the answer itself. A model the user cannot search (no
 * search fields, or all of them hidden from the user: the look-up refuses `q` with 400 then) is asked for its
 * first records, and the typed text narrows their labels in the browser.
 */
export function pickerSearch(
  model: Pick<ModelMeta, "searchFields"> | undefined,
  text: string,
): { query: string; narrow: (refs: RecordRef[]) => RecordRef[] } {
  if (!model || model.searchFields.length > 0) return { query: text, narrow: (refs) => refs };
  const wanted = text.toLowerCase();
  return {
    query: "",
    narrow: (refs) =>
      wanted === "" ? refs : refs.filter((ref) => ref.$label.toLowerCase().includes(wanted)),
  };
}
