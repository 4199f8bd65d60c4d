/**
 * Undoing one audit entry through the data source, so the undo is itself audited (action `revert`, `revertOf`
 * the entry). Refused (409) when the record changed since the entry: a revert must never silently throw away
 * somebody's later work. Reverting a delete also brings back what the delete took with it (the entries it
 * caused), in one transaction: all of it comes back, or nothing does.
 */
import { type AuditEntry, redactedValue } from "@atrium/auth";
import {
  AtriumError,
  type AuditSink,
  canonicalJson,
  type DataSource,
  decodeRecordId,
  encodeWireValue,
  findModelByKey,
  type ModelMeta,
  modelInView,
  recordVersion,
  type SchemaMeta,
  type StoredRow,
  serializeRow,
  type WriteContext,
} from "@atrium/core";
import { restoreOrder } from "./restoreOrder.js";
import { refused, writeOf } from "./revertWrite.js";

export interface RevertInput {
  schema: SchemaMeta;
  dataSource: DataSource;
  entry: AuditEntry;
  /**
   * The entries `entry` caused (records its delete took with it, references it cleared), reverted with it.
   * @default []
   */
  caused?: AuditEntry[];
  /** Who reverts; the sink and actor of the request. */
  context: WriteContext;
}

export interface RevertResult {
  /**
   * The record as the revert left it (as stored: the route serializes it through the user's view, like a GET),
   * or null when the revert deleted it.
   */
  record: StoredRow | null;
  /** The id of the `revert` entry of `entry` itself. */
  revertId: string | undefined;
  /**
   * Names of the re-created record's fields whose values the history never kept (secrets, recorded as
   * "[hidden]"): they come back empty or with their default.
   */
  unrecorded: string[];
}

export async function revertEntry(input: RevertInput): Promise<RevertResult> {
  const { schema, dataSource, entry } = input;
  const model = entry.model ? findModelByKey(schema, entry.model) : undefined;
  if (!model || entry.recordId === null) {
    throw refused(
      "This entry is not a change of a record (or its model no longer exists); it cannot be reverted",
    );
  }
  const id = decodeRecordId(model, entry.recordId);
  let revertId: string | undefined;
  const context: WriteContext = {
    ...input.context,
    audit: revertSink(input.context.audit, entry.id, undefined, (recorded) => {
      revertId = recorded;
    }),
  };
  const current = await dataSource.get(model, id);
  // The version as this user's writes are checked against (WriteContext.viewSchema).
  const versionModel = modelInView(model, input.context.viewSchema);
  switch (entry.action) {
    case "update": {
      if (!current)
        throw refused(`This ${model.label.toLowerCase()} was deleted since; it cannot be reverted`);
      await requireUnchanged(schema, dataSource, model, entry, current, input.context.viewSchema);
      const { data } = writeOf(schema, model, entry, "update");
      if (Object.keys(data.scalars).length === 0 && Object.keys(data.setMany).length === 0) {
        throw refused("This change touched only hidden or read-only fields; it cannot be reverted here");
      }
      const row = await dataSource
        .update(model, id, data, { ...context, expectedVersion: recordVersion(versionModel, current) })
        .catch((error: unknown) => Promise.reject(explainMissingParent(error, model, entry)));
      return { record: row, revertId, unrecorded: [] };
    }
    case "create": {
      if (!current) throw refused(`This ${model.label.toLowerCase()} was already deleted`);
      await requireUnchanged(schema, dataSource, model, entry, current, input.context.viewSchema);
      await requireNothingDependsOn(dataSource, model, id);
      await dataSource.delete(model, id, {
        ...context,
        expectedVersion: recordVersion(versionModel, current),
      });
      return { record: null, revertId, unrecorded: [] };
    }
    case "delete":
    case "bulk_delete": {
      if (current) {
        throw refused(`A ${model.label.toLowerCase()} with this id exists again; it cannot be re-created`);
      }
      const { data, unrecorded } = writeOf(schema, model, entry, "create");
      const caused = input.caused ?? [];
      if (caused.length === 0) {
        const row = await dataSource
          .create(model, data, context)
          .catch((error: unknown) => Promise.reject(explainMissingParent(error, model, entry)));
        return { record: row, revertId, unrecorded };
      }
      const row = await dataSource.transaction(async (source) => {
        const restored = await source.create(model, data, context);
        await restoreCaused(input, source, caused, revertId);
        return restored;
      });
      return { record: row, revertId, unrecorded };
    }
    case "revert":
      throw refused("A revert cannot be reverted; revert the original entry again, or edit the record");
    default:
      throw refused(`'${entry.action}' entries are not changes of a record; they cannot be reverted`);
  }
}

/**
 * Inside the revert's transaction: re-creates the records the delete took with it (parents first), then puts
 * back the references it cleared, each recorded as a revert of its own entry, caused by the main revert.
 */
async function restoreCaused(
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
        `A ${model.label.toLowerCase()} deleted with it (${entry.recordId}) exists again; nothing was reverted`,
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
        `A ${model.label.toLowerCase()} that referred to it (${entry.recordId}) was deleted since; nothing was reverted`,
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

function causedRecord(schema: SchemaMeta, entry: AuditEntry) {
  const model = entry.model ? findModelByKey(schema, entry.model) : undefined;
  if (!model || entry.recordId === null) {
    throw refused("A record deleted with it belongs to a model that no longer exists; it cannot be reverted");
  }
  return { model, id: decodeRecordId(model, entry.recordId) };
}

/** Refuses to delete (revert a create of) a record that other records now depend on. */
async function requireNothingDependsOn(
  dataSource: DataSource,
  model: ModelMeta,
  id: Record<string, unknown>,
) {
  const preview = await dataSource.deletePreview(model, id);
  const affected = [...preview.cascades, ...preview.setNull, ...preview.blockers];
  if (affected.length === 0) return;
  const what = affected.map((group) => `${group.count} ${group.label.toLowerCase()}`).join(", ");
  throw refused(
    `Other records depend on this ${model.label.toLowerCase()} now (${what}); delete it from its page, where the delete shows what goes with it`,
  );
}

/**
 * A re-created record whose parent is gone: the database's foreign key refuses it. Said in terms of the
 * history rather than as a form error, since no form is involved.
 */
function explainMissingParent(error: unknown, model: ModelMeta, entry: AuditEntry): unknown {
  if (!(error instanceof AtriumError) || error.code !== "foreign_key_violation") return error;
  const hint = entry.causeId
    ? "it was deleted with another record; revert that deletion to bring both back"
    : "a record it refers to no longer exists";
  return refused(`This ${model.label.toLowerCase()} cannot be restored: ${hint}`);
}

/**
 * The data source records the undo as a plain write; this relabels it as the revert of `entryId` (caused by
 * `causeId` when it is part of a bigger revert) and reports the id it was recorded under.
 */
function revertSink(
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
async function requireUnchanged(
  schema: SchemaMeta,
  dataSource: DataSource,
  model: ModelMeta,
  entry: AuditEntry,
  current: StoredRow,
  viewSchema: SchemaMeta | undefined,
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
    const subject = entry.causeId
      ? `A ${model.label.toLowerCase()} that referred to it (${entry.recordId})`
      : `This ${model.label.toLowerCase()}`;
    throw refused(
      `${subject} changed since this entry (${changed.join(", ")}); reverting would overwrite the later change. Edit the record instead`,
      // As the reverting user may see it: no hidden or write-only values.
      {
        current: serializeRow(viewSchema ?? schema, modelInView(model, viewSchema), current),
        fields: changed,
      },
    );
  }
}
