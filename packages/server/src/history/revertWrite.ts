/** An audit entry's old values as the write that puts them back, and the 409 a revert refuses with. */
import { type AuditEntry, redactedValue } from "@atrium/auth";
import {
  AtriumError,
  decodeRecordId,
  decodeWireValue,
  findModelByName,
  inSentence,
  type ModelMeta,
  type SchemaMeta,
  type WriteData,
} from "@atrium/core";

/** A revert that cannot be done (the record changed since, a value was never kept...): 409 with the reason. */
export function refused(message: string, details?: unknown): AtriumError {
  return new AtriumError("conflict", message, details === undefined ? {} : { details });
}

/**
 * The entry's old values as a write. Updates skip fields the database sets itself (read-only: generated ids,
 * `@updatedAt`); a re-create restores them too, so the record comes back with its id. Hidden (redacted) values
 * were never kept: they are `unrecorded`, and a re-create that needs one is refused.
 */
export function writeOf(
  schema: SchemaMeta,
  model: ModelMeta,
  entry: AuditEntry,
  mode: "create" | "update",
): { data: WriteData; unrecorded: string[] } {
  const data: WriteData = { scalars: {}, connect: {}, setMany: {} };
  const missing: string[] = [];
  const unrecorded: string[] = [];
  for (const [name, change] of Object.entries(entry.changes)) {
    const field = model.fields.find((candidate) => candidate.name === name);
    const related = field?.relation?.isManyToMany ? findModelByName(schema, field.relation.model) : undefined;
    if (related && Array.isArray(change.old)) {
      data.setMany[name] = change.old.map((text) => decodeRecordId(related, String(text)));
      continue;
    }
    if (!field || field.kind === "relation" || field.type === "Unsupported") continue;
    if (mode === "update" && field.isReadOnly) continue;
    if (change.old === redactedValue) {
      if (mode === "create" && field.isRequired && !field.hasDefault) missing.push(field.label);
      unrecorded.push(field.name);
      continue;
    }
    data.scalars[name] = decodeWireValue(field, change.old);
  }
  if (missing.length > 0) {
    throw refused(
      `This ${inSentence(model.label)} cannot be re-created: the values of ${missing.join(", ")} are hidden and were not recorded`,
    );
  }
  return { data, unrecorded };
}
