/**
 * The `changes` of an audit entry: each field whose value differs between the record before and after, with
 * both values wire-encoded (what the API shows), so history and revert speak the same format as the forms.
 * Fields hidden from everyone (secrets) are recorded as changed without their values: the audit log must not
 * become a second copy of every password hash.
 */
import { encodeWireValue, type ModelMeta, type StoredRow } from "@atrium/core";
import type { AuditChanges, JsonValue } from "./authStore.js";

/** What stands in for the values of a redacted field. */
export const redactedValue = "[hidden]";

export interface AuditChangesOptions {
  /** Fields whose values must not be stored (hiddenFields for nobody: hidden from everyone). */
  redact?: ReadonlySet<string>;
}

/** `before` null for a create, `after` null for a delete. Relation fields are covered by their key scalars. */
export function auditChanges(
  model: ModelMeta,
  before: StoredRow | null,
  after: StoredRow | null,
  options: AuditChangesOptions = {},
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of model.fields) {
    if (field.kind === "relation") continue;
    const inBefore = before !== null && field.name in before;
    const inAfter = after !== null && field.name in after;
    if (!inBefore && !inAfter) continue;
    const old = inBefore ? toJson(encodeWireValue(field, before[field.name])) : null;
    const next = inAfter ? toJson(encodeWireValue(field, after[field.name])) : null;
    // An update that did not read a field back says nothing about it.
    if (before && after && (!inBefore || !inAfter)) continue;
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    changes[field.name] = options.redact?.has(field.name)
      ? { old: old === null ? null : redactedValue, new: next === null ? null : redactedValue }
      : { old, new: next };
  }
  return changes;
}

function toJson(value: unknown): JsonValue {
  if (value === undefined) return null;
  // Wire values are JSON-safe by construction; the round trip drops anything that is not (and copies).
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
