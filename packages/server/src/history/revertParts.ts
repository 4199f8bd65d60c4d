/**
 * The steps reverts are made of: the checks that refuse one (the record changed since, others depend on it),
 * the sink that records an undo as a revert, and re-creating what a delete took with it.
 */
import { type AuditEntry, redactedValue } from "@atrium/auth";
import {
  type AuditSink,
  canonicalJson,
  type DataSource,
  decodeRecordId,
  encodeWireValue,
  findModelByKey,
  inSentence,
  type ModelMeta,
  modelInView,
  recordVersion,
  type SchemaMeta,
  type StoredRow,
  serializeRow,
} from "@atrium/core";
import { restoreOrder } from "./restoreOrder.js";
import type { RevertInput } from "./revertEntry.js";
import { refused, writeOf } from "./revertWrite.js";

/**
 * Inside the revert's transaction: re-creates the records the delete took with it (parents first), then puts
 * back the references it cleared, each recorded as a revert of its own entry, caused by the main revert.
 */
export async function restoreCaused(
  input: RevertInput,
  source: DataSource,
  caused: AuditEntry[],
  causeId: string | undefined,
): Promise<void> {
  const { schema } = input;
  const deleted = caused.filter((entry) => entry.action === "delete");
  const cleared = caused.filter((entry) => entry.action === "update");
  for (const entry of restoreOrder(schema, deleted)) {
    const { model, id } = causedRecord(schema, entry);
    if (await source.get(model, id)) {
      throw refused(
        `A ${inSentence(model.label)} deleted with it (${entry.recordId}) exists again; nothing was reverted`,
      );
    }
    const context = { ...input.context, audit: revertSink(input.context.audit, entry.id, causeId) };
    await source.create(model, writeOf(schema, model, entry, "create").data, context);
  }
  for (const entry of cleared) {
    const { model, id } = causedRecord(schema, entry);
    const current = await source.get(model, id);
    if (!current) {
      throw refused(
        `A ${inSentence(model.label)} that referred to it (${entry.recordId}) was deleted since; nothing was reverted`,
      );
    }
    await requireUnchanged(schema, source, model, entry, current, input.context.viewSchema);
    const { data } = writeOf(schema, model, entry, "update");
    if (Object.keys(data.scalars).length === 0) continue;
    await source.update(model, id, data, {
      ...input.context,
      audit: revertSink(input.context.audit, entry.id, causeId),
      expectedVersion: recordVersion(modelInView(model, input.context.viewSchema), current),
    });
  }
}

export function causedRecord(schema: SchemaMeta, entry: AuditEntry) {
  const model = entry.model ? findModelByKey(schema, entry.model) : undefined;
  if (!model || entry.recordId === null) {
    throw refused("A record deleted with it belongs to a model that no longer exists; it cannot be reverted");
  }
  return { model, id: decodeRecordId(model, entry.recordId) };
}

/** Refuses to delete (revert a create of) a record that other records now depend on. */
export async function requireNothingDependsOn(
  dataSource: DataSource,
  model: ModelMeta,
  id: Record<string, unknown>,
) {
  const preview = await dataSource.deletePreview(model, id);
  const affected = [...preview.cascades, ...preview.setNull, ...preview.blockers];
  if (affected.length === 0) return;
  const what = affected.map((group) => `${group.count} ${inSentence(group.label)}`).join(", ");
  throw refused(
    `Other records depend on this ${inSentence(model.label)} now (${what}); delete it from its page, where the delete shows what goes with it`,
  );
}
/**
 * The data source records the undo as a plain write; this relabels it as the revert of `entryId` (caused by
 * `causeId` when it is part of a bigger revert) and reports the id it was recorded under.
 */
export function revertSink(
  sink: AuditSink | undefined,
  entryId: string,
  causeId?: string,
  onRecorded?: (id: string) => void,
): AuditSink | undefined {
  if (!sink) return undefined;
  return {
    async record(tx, record) {
      const id = await sink.record(tx, {
        ...record,
        action: "revert",
        revertOf: entryId,
        ...(causeId ? { causeId } : {}),
      });
      onRecorded?.(id);
      return id;
    },
  };
}

/**
 * Refuses when a field the entry changed no longer holds the value the entry left in it. Only the fields the
 * reverting user sees are compared, as their `$version` covers only those: a later change of a hidden value
 * neither blocks them nor is named to them (the revert never writes a hidden value back).
 */
export async function requireUnchanged(
  schema: SchemaMeta,
  dataSource: DataSource,
  model: ModelMeta,
  entry: AuditEntry,
  current: StoredRow,
  viewSchema: SchemaMeta | undefined,
  /** How the refusal names the record; by default this one, or one that referred to it (SetNull). */
  subject?: string,
) {
  const changed: string[] = [];
  const visible = modelInView(model, viewSchema);
  for (const [name, change] of Object.entries(entry.changes)) {
    const field = visible.fields.find((candidate) => candidate.name === name);
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
    const named =
      subject ??
      (entry.causeId
        ? `A ${inSentence(model.label)} that referred to it (${entry.recordId})`
        : `This ${inSentence(model.label)}`);
    throw refused(
      `${named} changed since this entry (${changed.join(", ")}); reverting would overwrite the later change. Edit the record instead`,
      // As the reverting user may see it: no hidden or write-only values.
      {
        current: serializeRow(viewSchema ?? schema, modelInView(model, viewSchema), current),
        fields: changed,
      },
    );
  }
}
