/**
 * Undoing a parent's save that wrote rows of its inlines with it (saveWithInlines.ts names the parent's entry
 * as the rows' cause): the parent's change, then each row's, newest first, in one transaction. Each undo is
 * recorded as the revert of its own entry, caused by the parent's revert, so the history shows the revert as
 * one change too. A row changed or deleted since refuses the whole revert: all of the save is undone, or none.
 */
import type { AuditEntry } from "@atrium/auth";
import {
  type DataSource,
  type IdValues,
  inSentence,
  type ModelMeta,
  modelInView,
  recordVersion,
  type StoredRow,
  type WriteContext,
  type WriteData,
} from "@atrium/core";
import type { RevertInput } from "./revertEntry.js";
import {
  causedRecord,
  requireNothingDependsOn,
  requireUnchanged,
  restoreCaused,
  revertSink,
} from "./revertParts.js";
import { refused, writeOf } from "./revertWrite.js";

export interface SavedRowsRevert {
  input: RevertInput;
  model: ModelMeta;
  id: IdValues;
  /** The parent's old values, as revertEntry made them. */
  data: WriteData;
  current: StoredRow;
  /** The request's context, its sink recording the parent's undo as the revert. */
  context: WriteContext;
  /** The id that sink recorded the parent's revert under, once it has. */
  revertId: () => string | undefined;
}

/** The entries written as part of `entry`'s save (or taken with its delete): those naming it as their cause. */
export function savedWith(entry: AuditEntry, caused: AuditEntry[]): AuditEntry[] {
  return caused.filter((each) => each.causeId === entry.id);
}

export async function revertSavedRows(job: SavedRowsRevert): Promise<StoredRow> {
  const { input, model, id } = job;
  const caused = input.caused ?? [];
  return input.dataSource.transaction(async (source) => {
    const versionModel = modelInView(model, input.context.viewSchema);
    await source.update(model, id, job.data, {
      ...job.context,
      expectedVersion: recordVersion(versionModel, job.current),
    });
    const causeId = job.revertId();
    for (const row of savedWith(input.entry, caused).reverse()) {
      await revertRow(input, source, row, caused, causeId);
    }
    const after = await source.get(model, id);
    if (!after) throw refused(`This ${inSentence(model.label)} was deleted meanwhile; nothing was reverted`);
    return after;
  });
}

/** One row of the save put back: a removed row re-created (with what its removal took), an added one deleted. */
async function revertRow(
  input: RevertInput,
  source: DataSource,
  entry: AuditEntry,
  caused: AuditEntry[],
  causeId: string | undefined,
): Promise<void> {
  const { schema } = input;
  const { model, id } = causedRecord(schema, entry);
  const subject = `A ${inSentence(model.label)} saved with it (${entry.recordId})`;
  const context = (onRecorded?: (recorded: string) => void): WriteContext => ({
    ...input.context,
    audit: revertSink(input.context.audit, entry.id, causeId, onRecorded),
  });
  const current = await source.get(model, id);
  if (entry.action === "delete") {
    if (current) throw refused(`${subject} exists again; nothing was reverted`);
    let rowRevert: string | undefined;
    const data = writeOf(schema, model, entry, "create").data;
    await source.create(
      model,
      data,
      context((recorded) => (rowRevert = recorded)),
    );
    await restoreCaused(input, source, savedWith(entry, caused), rowRevert);
    return;
  }
  if (!current) throw refused(`${subject} was deleted since; nothing was reverted`);
  await requireUnchanged(schema, source, model, entry, current, input.context.viewSchema, subject);
  const expectedVersion = recordVersion(modelInView(model, input.context.viewSchema), current);
  if (entry.action === "create") {
    await requireNothingDependsOn(source, model, id);
    await source.delete(model, id, { ...context(), expectedVersion });
    return;
  }
  const { data } = writeOf(schema, model, entry, "update");
  if (Object.keys(data.scalars).length === 0 && Object.keys(data.setMany).length === 0) return;
  await source.update(model, id, data, { ...context(), expectedVersion });
}
