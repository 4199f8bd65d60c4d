/**
 * Undoing a create that wrote other records in the same change: a generated or imported batch (its first
 * record's entry stands for it, bulkWrites.ts) or a parent created with its inline rows. Every record goes,
 * newest first and the first one last, in one transaction; a record changed since, or one that others depend on
 * now, refuses the whole revert. Each delete is recorded as the revert of its own entry, caused by the first
 * record's revert, so the undo is one change too.
 */
import type { AuditEntry } from "@atrium/auth";
import {
  type AuditRecord,
  type AuditSink,
  type DataSource,
  type IdValues,
  inSentence,
  type ModelMeta,
  modelInView,
  recordVersion,
  type StoredRow,
  type WriteContext,
} from "@atrium/core";
import type { RevertInput } from "./revertEntry.js";
import { causedRecord, requireNothingDependsOn, requireUnchanged } from "./revertParts.js";
import { savedWith } from "./revertSavedRows.js";
import { refused } from "./revertWrite.js";

export interface CreatedRowsRevert {
  input: RevertInput;
  model: ModelMeta;
  id: IdValues;
  /** The first record as read before the transaction; its delete is checked against this version. */
  current: StoredRow;
  /** The request's context, its sink recording the first record's delete as the revert. */
  context: WriteContext;
  /** The id that sink recorded the revert under, once it has. */
  revertId: () => string | undefined;
}

export async function revertCreatedRows(job: CreatedRowsRevert): Promise<void> {
  const { input, model, id } = job;
  const rows = savedWith(input.entry, input.caused ?? []);
  const held = heldReverts(input.context.audit);
  await input.dataSource.transaction(async (source) => {
    for (const row of [...rows].reverse()) await deleteCreated(input, source, row, held.sinkFor(row.id));
    await requireNothingDependsOn(source, model, id);
    await source.delete(model, id, {
      ...job.context,
      expectedVersion: recordVersion(modelInView(model, input.context.viewSchema), job.current),
    });
    await held.release(job.revertId());
  });
}

async function deleteCreated(
  input: RevertInput,
  source: DataSource,
  entry: AuditEntry,
  audit: AuditSink | undefined,
): Promise<void> {
  const { schema } = input;
  const { model, id } = causedRecord(schema, entry);
  const subject = `A ${inSentence(model.label)} created with it (${entry.recordId})`;
  if (entry.action !== "create") {
    throw refused(`${subject} was changed by the same save; this entry cannot be reverted as a whole`);
  }
  const current = await source.get(model, id);
  if (!current) throw refused(`${subject} was deleted since; nothing was reverted`);
  await requireUnchanged(schema, source, model, entry, current, input.context.viewSchema, subject);
  await requireNothingDependsOn(source, model, id);
  const expectedVersion = recordVersion(modelInView(model, input.context.viewSchema), current);
  await source.delete(model, id, { ...input.context, ...(audit ? { audit } : {}), expectedVersion });
}

/**
 * The other records' reverts name the first record's revert as their cause, but they are deleted before it (it
 * may be their parent), so their entries wait for its id and are written after it, in the same transaction.
 * The id a held entry answers with is never used: a record others depend on is refused before its delete, so
 * its delete records nothing else that could name it.
 */
function heldReverts(sink: AuditSink | undefined) {
  const held: { tx: unknown; record: AuditRecord }[] = [];
  return {
    sinkFor(entryId: string): AuditSink | undefined {
      if (!sink) return undefined;
      return {
        async record(tx, record) {
          held.push({ tx, record: { ...record, action: "revert", revertOf: entryId } });
          return `held-${held.length}`;
        },
      };
    },
    async release(causeId: string | undefined): Promise<void> {
      for (const { tx, record } of held)
        await sink?.record(tx, { ...record, ...(causeId ? { causeId } : {}) });
    },
  };
}
