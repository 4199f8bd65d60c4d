/**
 * The history of an action: one entry of kind `action` (which action, on how many records, with which
 * parameters) and every write the handler makes recorded as caused by it (`causeId`), in the same transaction.
 */
import type { AuditRecord, AuditSink } from "@atrium/core";

export interface ActionEntry {
  model: string;
  /** The record of a record action (or of a selection of one); null for a selection of several. */
  recordId: string | null;
  name: string;
  label: string;
  ids: string[];
  /** Wire-encoded (JSON-safe). */
  params: Record<string, unknown>;
  actor: AuditRecord["actor"];
}

/**
 * The action's details as the entry's changes. Their keys start with `$`, which no Prisma field name can, so
 * they never mix with (or are redacted as) a field of the model.
 */
export function actionChanges(entry: ActionEntry): AuditRecord["changes"] {
  return {
    $action: { old: null, new: entry.name },
    $label: { old: null, new: entry.label },
    $count: { old: null, new: entry.ids.length },
    $records: { old: null, new: entry.ids },
    $params: { old: null, new: entry.params },
  };
}

export function actionRecord(entry: ActionEntry): AuditRecord {
  return {
    action: "action",
    model: entry.model,
    recordId: entry.recordId,
    changes: actionChanges(entry),
    actor: entry.actor ?? null,
  };
}

/**
 * A sink that writes the action's entry before the first write it records (inside that write's transaction,
 * the action's), and marks every write the handler makes as caused by it. Writes a delete took with it keep
 * their own cause, the delete.
 */
export function actionSink(base: AuditSink, entry: ActionEntry) {
  let entryId: Promise<string> | undefined;
  const sink: AuditSink = {
    async record(tx, record) {
      entryId ??= base.record(tx, actionRecord(entry));
      const causeId = await entryId;
      return base.record(tx, record.causeId ? record : { ...record, causeId });
    },
  };
  return { sink, written: () => entryId !== undefined };
}
