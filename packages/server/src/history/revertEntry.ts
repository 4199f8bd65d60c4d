/**
 * Undoing one audit entry through the data source, so the undo is itself audited (action `revert`, `revertOf`
 * the entry). Refused (409) when the record changed since the entry: a revert must never silently throw away
 * somebody's later work. Reverting a delete also brings back what the delete took with it (the entries it
 * caused), reverting a change undoes the inline rows saved with it, and reverting a create deletes the records
 * created with it (a generated or imported batch, inline rows), in one transaction: all of it comes
 * back, or nothing does.
 */
import type { AuditEntry } from "@atrium/auth";
import {
  AtriumError,
  type DataSource,
  decodeRecordId,
  findModelByKey,
  inSentence,
  type ModelMeta,
  modelInView,
  recordVersion,
  type SchemaMeta,
  type StoredRow,
  type WriteContext,
} from "@atrium/core";
import { revertCreatedRows } from "./revertCreatedRows.js";
import { requireNothingDependsOn, requireUnchanged, restoreCaused, revertSink } from "./revertParts.js";
import { revertSavedRows, savedWith } from "./revertSavedRows.js";
import { refused, writeOf } from "./revertWrite.js";

export interface RevertInput {
  schema: SchemaMeta;
  dataSource: DataSource;
  entry: AuditEntry;
  /**
   * The entries `entry` caused (records its delete took with it, references it cleared; the rows of inlines its
   * save wrote, and what their removal took with it), reverted with it.
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
      if (!current) throw refused(`This ${inSentence(model.label)} was deleted since; it cannot be reverted`);
      await requireUnchanged(schema, dataSource, model, entry, current, input.context.viewSchema);
      const { data } = writeOf(schema, model, entry, "update");
      if (savedWith(entry, input.caused ?? []).length > 0) {
        const job = { input, model, id, data, current, context, revertId: () => revertId };
        return { record: await revertSavedRows(job), revertId, unrecorded: [] };
      }
      if (Object.keys(data.scalars).length === 0 && Object.keys(data.setMany).length === 0) {
        throw refused("This change touched only hidden or read-only fields; it cannot be reverted here");
      }
      const row = await dataSource
        .update(model, id, data, { ...context, expectedVersion: recordVersion(versionModel, current) })
        .catch((error: unknown) => Promise.reject(explainMissingParent(error, model, entry)));
      return { record: row, revertId, unrecorded: [] };
    }
    case "create": {
      if (!current) throw refused(`This ${inSentence(model.label)} was already deleted`);
      await requireUnchanged(schema, dataSource, model, entry, current, input.context.viewSchema);
      if (savedWith(entry, input.caused ?? []).length > 0) {
        await revertCreatedRows({ input, model, id, current, context, revertId: () => revertId });
        return { record: null, revertId, unrecorded: [] };
      }
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
        throw refused(`A ${inSentence(model.label)} with this id exists again; it cannot be re-created`);
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
 * A re-created record whose parent is gone: the database's foreign key refuses it. Said in terms of the
 * history rather than as a form error, since no form is involved.
 */
function explainMissingParent(error: unknown, model: ModelMeta, entry: AuditEntry): unknown {
  if (!(error instanceof AtriumError) || error.code !== "foreign_key_violation") return error;
  const hint = entry.causeId
    ? "it was deleted with another record; revert that deletion to bring both back"
    : "a record it refers to no longer exists";
  return refused(`This ${inSentence(model.label)} cannot be restored: ${hint}`);
}
