import type { AuditRecord, StoredRow } from "./dataSource.js";
import type { ModelMeta } from "./metadata.js";
import { canonicalJson } from "./recordVersion.js";
import { encodeWireValue } from "./wireCodec.js";

/**
 * The `changes` of an audit record, wire-encoded (JSON-safe, what the API shows) so history and revert speak the
 * forms' format. `before` null for a create, `after` null for a delete: then every scalar the row holds is kept,
 * nulls included, as a snapshot a revert can re-create the record from. An update keeps the fields whose value
 * differs. Relation fields are covered by their foreign-key scalars; counts and many-to-many sets are not values
 * of this record.
 */
export function recordChanges(
  model: ModelMeta,
  before: StoredRow | null,
  after: StoredRow | null,
): AuditRecord["changes"] {
  const changes: AuditRecord["changes"] = {};
  for (const field of model.fields) {
    if (field.kind === "relation") continue;
    const inBefore = before !== null && Object.hasOwn(before, field.name);
    const inAfter = after !== null && Object.hasOwn(after, field.name);
    // An update that did not read a field on both sides says nothing about it.
    if (before && after ? !inBefore || !inAfter : !inBefore && !inAfter) continue;
    const old = inBefore ? jsonSafe(encodeWireValue(field, before?.[field.name])) : null;
    const next = inAfter ? jsonSafe(encodeWireValue(field, after?.[field.name])) : null;
    if (before && after && canonicalJson(old) === canonicalJson(next)) continue;
    changes[field.name] = { old, new: next };
  }
  return changes;
}

function jsonSafe(value: unknown): unknown {
  if (value === undefined) return null;
  // Wire values are JSON-safe by construction; the round trip copies them so later mutation cannot alter history.
  return JSON.parse(JSON.stringify(value));
}
