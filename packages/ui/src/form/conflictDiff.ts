import type { RecordRef, Row } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { formatDateOnly, formatDateTime, localInputToIso } from "../format/formatDate.js";
import { type FormValue, type FormValues, formFields, isManyToMany, toFormValues } from "./formValues.js";

/** One field someone else changed while the user was editing. */
export interface ConflictField {
  field: FieldMeta;
  /** As the user loaded it. */
  loaded: FormValue;
  /** As the other person saved it. */
  theirs: FormValue;
  /** The user's own value, only when they edited this field too. */
  mine?: FormValue;
}

function same(a: FormValue | undefined, b: FormValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The current record as form values. Many-to-many sets are not part of a row (only their counts), so the
 * user's loaded sets are kept: a version conflict is about the record's own values.
 */
export function currentFormValues(model: ModelMeta, current: Row, loaded: FormValues): FormValues {
  const refs: Record<string, RecordRef[]> = {};
  for (const field of formFields(model, "edit").filter(isManyToMany)) {
    refs[field.name] = (loaded[field.name] as RecordRef[] | undefined) ?? [];
  }
  return toFormValues(model, "edit", current, refs);
}

/**
 * Fields whose value differs between what the user loaded and the record now. Compared as form values, so a
 * date or a number spelled differently on the wire is not reported as a change. Read-only fields (`@updatedAt`)
 * change on every save and nobody can edit them: listing them would only bury the real changes.
 */
export function conflictDiff(
  model: ModelMeta,
  loaded: FormValues,
  current: FormValues,
  mine: FormValues,
): ConflictField[] {
  const changed: ConflictField[] = [];
  for (const field of formFields(model, "edit")) {
    if (field.isReadOnly || isManyToMany(field)) continue;
    const before = loaded[field.name] ?? null;
    const theirs = current[field.name] ?? null;
    if (same(before, theirs)) continue;
    const own = mine[field.name] ?? null;
    changed.push(
      same(before, own) ? { field, loaded: before, theirs } : { field, loaded: before, theirs, mine: own },
    );
  }
  return changed;
}

/** A form value as one line of text for the conflict panel. */
export function formValueText(field: FieldMeta, value: FormValue | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    return value.map((item) => (typeof item === "string" ? item : item.$label)).join(", ");
  }
  if (typeof value === "object") return value.$label;
  if (field.type === "DateTime") {
    if (value.length <= 10) return formatDateOnly(value);
    const iso = localInputToIso(value);
    return iso ? formatDateTime(iso) : value;
  }
  return value;
}
