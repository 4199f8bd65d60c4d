import type { AdminMeta } from "@atrium/client";
import { type ModelMeta, sortIsIndexed } from "@atrium/core";

/**
 * Which column sorts a list offers: all of them, until the server says the list is too big to sort without an
 * index (`sortNeedsIndex`); then only those an index serves, by the same rule the server refuses the others
 * with (indexedSort.ts), so the user is not offered a click that can only fail.
 */
export function sortOffered(
  meta: AdminMeta,
  model: ModelMeta,
  sortNeedsIndex: boolean | undefined,
): (path: string) => boolean {
  if (!sortNeedsIndex || !meta.provider) return () => true;
  const schema = {
    provider: meta.provider,
    models: meta.models,
    enums: meta.enums,
    ...(meta.relationMode ? { relationMode: meta.relationMode } : {}),
  };
  return (path) => sortIsIndexed(schema, model, [{ path: path.split("."), direction: "asc" }]);
}
