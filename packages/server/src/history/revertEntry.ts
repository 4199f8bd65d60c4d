/**
 * Undoing one audit entry through the data source, so the undo is itself one audited transaction (action
 * `revert`, `revertOf` the entry). Refused (409) when the record changed since the entry: a revert must never
 * silently throw away somebody's later work.
 */
import { type AuditEntry, redactedValue } from "@atrium/auth";
import {
  AtriumError,
  type AuditSink,
  canonicalJson,
  type DataSource,
  decodeRecordId,
  decodeWireValue,
  encodeWireValue,
  findModelByKey,
  findModelByName,
  type ModelMeta,
  modelInView,
  recordVersion,
  type SchemaMeta,
  type StoredRow,
  serializeRow,
  type WireRow,
  type WriteContext,
  type WriteData,
} from "@atrium/core";

export interface RevertInput {
  schema: SchemaMeta;
  dataSource: DataSource;
  entry: AuditEntry;
  /** Who reverts; the sink and actor of the request. */
  context: WriteContext;
}

/** Resolves the record as the revert left it, or null when the revert deleted it. */
export async function revertEntry(input: RevertInput): Promise<WireRow | null> {
  const { schema, dataSource, entry } = input;
  const model = entry.model ? findModelByKey(schema, entry.model) : undefined;
  if (!model || entry.recordId === null) {
    throw refused(
      "This entry is not a change of a record (or its model no longer exists); it cannot be reverted",
    );
  }
  const id = decodeRecordId(model, entry.recordId);
  const context: WriteContext = { ...input.context, audit: revertSink(input.context.audit, entry.id) };
  const current = await dataSource.get(model, id);
  // The version as this user's writes are checked against (WriteContext.viewSchema).
  const versionModel = modelInView(model, input.context.viewSchema);
  switch (entry.action) {
    case "update": {
      if (!current)
        throw refused(`This ${model.label.toLowerCase()} was deleted since; it cannot be reverted`);
      await requireUnchanged(input, model, entry, current);
      const data = writeOf(schema, model, entry, "update");
      if (Object.keys(data.scalars).length === 0 && Object.keys(data.setMany).length === 0) {
        throw refused("This change touched only hidden or read-only fields; it cannot be reverted here");
      }
      const row = await dataSource.update(model, id, data, {
        ...context,
        expectedVersion: recordVersion(versionModel, current),
      });
      return serializeRow(schema, model, row);
    }
    case "create": {
      if (!current) throw refused(`This ${model.label.toLowerCase()} was already deleted`);
      await requireUnchanged(input, model, entry, current);
      await dataSource.delete(model, id, {
        ...context,
        expectedVersion: recordVersion(versionModel, current),
      });
      return null;
    }
    case "delete":
    case "bulk_delete": {
      if (current) {
        throw refused(`A ${model.label.toLowerCase()} with this id exists again; it cannot be re-created`);
      }
      const row = await dataSource.create(model, writeOf(schema, model, entry, "create"), context);
      return serializeRow(schema, model, row);
    }
    case "revert":
      throw refused("A revert cannot be reverted; revert the original entry again, or edit the record");
    default:
      throw refused(`'${entry.action}' entries are not changes of a record; they cannot be reverted`);
  }
}

function refused(message: string, details?: unknown): AtriumError {
  return new AtriumError("conflict", message, details === undefined ? {} : { details });
}

/** The data source records the undo as a plain write; this relabels it as the revert of `entryId`. */
function revertSink(sink: AuditSink | undefined, entryId: string): AuditSink | undefined {
  if (!sink) return undefined;
  return { record: (tx, record) => sink.record(tx, { ...record, action: "revert", revertOf: entryId }) };
}

/** Refuses when a field the entry changed no longer holds the value the entry left in it. */
async function requireUnchanged(input: RevertInput, model: ModelMeta, entry: AuditEntry, current: StoredRow) {
  const { schema, dataSource } = input;
  const changed: string[] = [];
  for (const [name, change] of Object.entries(entry.changes)) {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field || change.new === redactedValue) continue;
    if (field.relation?.isManyToMany) {
      // The row holds only the set's count; the set itself is read through the data source.
      const now = dataSource.relatedIds
        ? await dataSource.relatedIds(model, decodeRecordId(model, entry.recordId ?? ""), name)
        : undefined;
      if (now === undefined) {
        throw refused(`This data source cannot read ${field.label} to check it; it cannot be reverted`);
      }
      if (canonicalJson(now ?? []) !== canonicalJson(change.new)) changed.push(field.label);
      continue;
    }
    // Hidden values cannot be compared; the other fields of the entry still are.
    if (!Object.hasOwn(current, name)) continue;
    const now = encodeWireValue(field, current[name]) ?? null;
    if (canonicalJson(now) !== canonicalJson(change.new)) changed.push(field.label);
  }
  if (changed.length > 0) {
    throw refused(
      `This ${model.label.toLowerCase()} changed since this entry (${changed.join(", ")}); reverting would overwrite the later change. Edit the record instead`,
      { current: serializeRow(schema, model, current), fields: changed },
    );
  }
}

/**
 * The entry's old values as a write. Updates skip fields the database sets itself (read-only: generated ids,
 * `@updatedAt`); a re-create restores them too, so the record comes back with its id. Hidden (redacted) values
 * were never kept: a re-create that needs one is refused.
 */
function writeOf(
  schema: SchemaMeta,
  model: ModelMeta,
  entry: AuditEntry,
  mode: "create" | "update",
): WriteData {
  const data: WriteData = { scalars: {}, connect: {}, setMany: {} };
  const missing: string[] = [];
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
      continue;
    }
    data.scalars[name] = decodeWireValue(field, change.old);
  }
  if (missing.length > 0) {
    throw refused(
      `This ${model.label.toLowerCase()} cannot be re-created: the values of ${missing.join(", ")} are hidden and were not recorded`,
    );
  }
  return data;
}
