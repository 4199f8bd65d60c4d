import type { DeletePreview, DeletePreviewGroup } from "@atrium/core";

function mergeGroups(groups: DeletePreviewGroup[]): DeletePreviewGroup[] {
  const merged = new Map<string, DeletePreviewGroup>();
  for (const group of groups) {
    const key = `${group.model}\u0000${group.via}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...group, examples: [...group.examples] });
      continue;
    }
    existing.count += group.count;
    for (const example of group.examples) {
      if (existing.examples.length < 5 && !existing.examples.includes(example))
        existing.examples.push(example);
    }
  }
  return [...merged.values()];
}

/**
 * One summary for a bulk delete. Counts are summed per model and relation, so a record reached from two
 * selected records is counted twice: the summary can overstate, never understate, what goes.
 */
export function mergePreviews(previews: DeletePreview[]): DeletePreview {
  return {
    cascades: mergeGroups(previews.flatMap((preview) => preview.cascades)),
    setNull: mergeGroups(previews.flatMap((preview) => preview.setNull)),
    blockers: mergeGroups(previews.flatMap((preview) => preview.blockers)),
    canDelete: previews.every((preview) => preview.canDelete),
  };
}
