import type { FieldErrors, FieldMeta } from "@atrium/core";

export interface PlacedServerErrors {
  /** Input name -> the message shown beside it. */
  placed: Record<string, string>;
  /** Errors about fields the form does not show, for the banner. */
  unplaced: FieldErrors;
}

/**
 * Where each field error of a 4xx answer shows: beside the input that edits the field; a foreign-key column
 * (`authorId`, `tenantId`) the form edits through its relation picker shows beside that picker, unless the
 * server named the picker itself, whose own message wins. The rest goes to the banner.
 */
export function placeServerErrors(inputs: FieldMeta[], errors: FieldErrors): PlacedServerErrors {
  const placed: Record<string, string> = {};
  const unplaced: FieldErrors = {};
  const shown = new Set(inputs.map((field) => field.name));
  for (const [name, message] of Object.entries(errors)) {
    if (shown.has(name)) placed[name] = message;
  }
  for (const [name, message] of Object.entries(errors)) {
    if (shown.has(name)) continue;
    const picker = inputs.find(
      (field) => field.relation && !field.relation.toMany && field.relation.fromFields.includes(name),
    );
    if (!picker) unplaced[name] = message;
    else placed[picker.name] ??= message;
  }
  return { placed, unplaced };
}
