/**
 * `$version`: a short fingerprint of a record's stored values, sent with every row so that a save can say which
 * state it was made from (optimistic concurrency: a stale version answers 409 instead of silently overwriting).
 *
 * It is the SHA-256 of the canonical JSON of the row's scalar and enum fields (wire-encoded, in schema order,
 * object keys of Json values sorted), base64url, first 16 characters (96 bits). Relation references and counts
 * are left out: they are labels and numbers of other records, not this record's values (its foreign keys are
 * scalars and count). Any data source computes the same version for the same stored values, so the check can
 * run inside the write's transaction.
 *
 * `model` is the model as the user sees it (hidden fields removed, see WriteContext.viewSchema): a version must
 * not tell anyone that a value they may not see has changed. `@updatedAt` fields are left out for the same
 * reason: the database moves them on every change, hidden ones included, and nobody edits them.
 */
import type { StoredRow } from "./dataSource.js";
import type { ModelMeta } from "./metadata.js";
import { sha256 } from "./sha256.js";
import { formatBase64Url } from "./valueText.js";
import { encodeWireValue } from "./wireCodec.js";

/** Length of a `$version`. */
export const recordVersionLength = 16;

export function recordVersion(model: ModelMeta, row: StoredRow): string {
  const values: [string, unknown][] = [];
  for (const field of model.fields) {
    if (field.kind === "relation" || field.isUpdatedAt || !Object.hasOwn(row, field.name)) continue;
    values.push([field.name, encodeWireValue(field, row[field.name]) ?? null]);
  }
  return formatBase64Url(sha256(canonicalJson(values))).slice(0, recordVersionLength);
}

/** JSON with object keys sorted, so equal values give equal text whatever order a database returns keys in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
