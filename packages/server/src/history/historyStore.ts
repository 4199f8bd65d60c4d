/**
 * The slice of an AuthStore (`@atrium/auth`) the history routes and the audit sink use; `createSystemStore` and
 * `createMemoryAuthStore` fit it as they are.
 */
import type { AuditEntry, AuditFilter, NewAuditEntry } from "@atrium/auth";

export interface HistoryStore {
  getAudit(id: string): Promise<AuditEntry | null>;
  /** Newest first. */
  listAudit(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** How many entries each of `causeIds` caused, of `models` only when given (AuthStore.countCausedAudit). */
  countCausedAudit(causeIds: readonly string[], models?: readonly string[]): Promise<Map<string, number>>;
  /** Appends an entry in a transaction of its own (an action whose handler wrote nothing); AuthStores have it. */
  appendAudit?(entry: NewAuditEntry): Promise<AuditEntry>;
  /** The store bound to the data source's open transaction, so an entry commits or rolls back with its change. */
  withTransaction(tx: unknown): {
    appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
    /** Several entries in few statements (createSystemStore has it; without it they are appended one by one). */
    appendAuditMany?(entries: NewAuditEntry[]): Promise<void>;
  };
}
