/** The audit part of the memory store: entries kept in order, copied in and out so callers cannot change them. */
import type { AuditEntry, AuthStore } from "./authStore.js";
import { sortableId } from "./sortableId.js";

type AuditMethods = Pick<AuthStore, "appendAudit" | "getAudit" | "listAudit" | "countCausedAudit">;

/** `entries` reads the list each time: a rolled-back transaction puts a whole earlier state back. */
export function memoryAuditMethods(entries: () => AuditEntry[]): AuditMethods {
  return {
    async appendAudit(input) {
      const entry: AuditEntry = {
        ...structuredClone(input),
        causeId: input.causeId ?? null,
        id: sortableId(input.at),
      };
      entries().push(entry);
      return structuredClone(entry);
    },
    async getAudit(id) {
      const entry = entries().find((each) => each.id === id);
      return entry ? structuredClone(entry) : null;
    },
    async listAudit(filter = {}) {
      return entries()
        .filter(
          (entry) =>
            (filter.model === undefined || entry.model === filter.model) &&
            (filter.recordId === undefined || entry.recordId === filter.recordId) &&
            (filter.actorId === undefined || entry.actorId === filter.actorId) &&
            (filter.action === undefined || entry.action === filter.action) &&
            (filter.causeId === undefined || entry.causeId === filter.causeId) &&
            (!filter.topLevel || entry.causeId === null) &&
            (filter.before === undefined || entry.id < filter.before),
        )
        .sort((a, b) => (a.id < b.id ? 1 : -1))
        .slice(0, filter.limit ?? 50)
        .map((entry) => structuredClone(entry));
    },
    async countCausedAudit(causeIds, models) {
      const counts = new Map<string, number>();
      for (const entry of entries()) {
        if (entry.causeId === null || !causeIds.includes(entry.causeId)) continue;
        if (models && (entry.model === null || !models.includes(entry.model))) continue;
        counts.set(entry.causeId, (counts.get(entry.causeId) ?? 0) + 1);
      }
      return counts;
    },
  };
}
