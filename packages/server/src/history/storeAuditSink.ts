import { type AuditChanges, isSecretFieldName, type JsonValue, redactedValue } from "@atrium/auth";
import type { AuditRecord, AuditSink } from "@atrium/core";
import type { HistoryStore } from "./historyStore.js";

export interface StoreAuditSinkOptions {
  /**
   * Fields whose values must not be kept (the audit log must not become a second copy of every password hash):
   * they are recorded as changed, with "[hidden]" for their values.
   * @default isSecretFieldName(field)
   */
  redact?: (model: string, field: string) => boolean;
  /** @default () => new Date() */
  now?: () => Date;
}

/** Actor text of writes made without a signed-in user (start-up tasks, and everything until sign-in exists). */
export const systemActor = "system";

/** An AuditSink that appends to the store inside the data source's transaction. */
export function storeAuditSink(store: HistoryStore, options: StoreAuditSinkOptions = {}): AuditSink {
  const redact = options.redact ?? ((_model: string, field: string) => isSecretFieldName(field));
  const now = options.now ?? (() => new Date());
  const stored = (entry: AuditRecord, at: Date) => ({
    at,
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? systemActor,
    action: entry.action,
    model: entry.model,
    recordId: entry.recordId,
    changes: redactChanges(entry, redact),
    revertOf: entry.revertOf ?? null,
    causeId: entry.causeId ?? null,
  });
  return {
    async record(tx, entry) {
      return (await store.withTransaction(tx).appendAudit(stored(entry, now()))).id;
    },
    async recordMany(tx, entries) {
      const bound = store.withTransaction(tx);
      const at = now();
      if (bound.appendAuditMany) return bound.appendAuditMany(entries.map((entry) => stored(entry, at)));
      for (const entry of entries) await bound.appendAudit(stored(entry, at));
    },
  };
}

function redactChanges(entry: AuditRecord, redact: (model: string, field: string) => boolean): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, change] of Object.entries(entry.changes)) {
    const hidden = redact(entry.model, field);
    const shown = (value: unknown) => (hidden && value !== null ? redactedValue : (value as JsonValue));
    changes[field] = { old: shown(change.old), new: shown(change.new) };
  }
  return changes;
}
