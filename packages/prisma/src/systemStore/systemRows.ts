/** Rows of Atrium's system tables <-> AuthStore values. */
import type { AuditAction, AuditEntry, AuditFilter, AuthUser, StoredSession } from "./auth.js";
import { auditActions } from "./auth.js";
import { toBoolean, toDate, toDateOrNull } from "./sqlRunner.js";

export type Row = Record<string, unknown>;

export const userColumns = "id, email, password_hash, is_superuser, is_active, created_at, last_login_at";

export function readUser(row: Row): AuthUser {
  return {
    id: String(row.id),
    email: String(row.email),
    passwordHash: String(row.password_hash),
    isSuperuser: toBoolean(row.is_superuser),
    isActive: toBoolean(row.is_active),
    createdAt: toDate(row.created_at),
    lastLoginAt: toDateOrNull(row.last_login_at),
  };
}

export function readSession(row: Row): StoredSession {
  return {
    tokenHash: String(row.token_hash),
    userId: String(row.user_id),
    createdAt: toDate(row.created_at),
    lastSeenAt: toDate(row.last_seen_at),
    expiresAt: toDate(row.expires_at),
  };
}

/** An audit entry as the columns of atrium_audit_entry. */
export function writeAuditRow(entry: AuditEntry): Record<string, unknown> {
  return {
    id: entry.id,
    occurred_at: entry.at,
    actor_id: entry.actorId,
    actor_email: entry.actorEmail,
    action: entry.action,
    model: entry.model,
    record_id: entry.recordId,
    changes: JSON.stringify(entry.changes),
    revert_of: entry.revertOf,
    cause_id: entry.causeId,
  };
}

export function readAuditRow(row: Record<string, unknown>): AuditEntry {
  const action = String(row.action);
  if (!auditActions.includes(action as AuditAction)) {
    throw new Error(`atrium_audit_entry ${String(row.id)} has an unknown action '${action}'`);
  }
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: String(row.id),
    at: row.occurred_at instanceof Date ? row.occurred_at : toDate(row.occurred_at),
    actorId: text(row.actor_id),
    actorEmail: String(row.actor_email),
    action: action as AuditAction,
    model: text(row.model),
    recordId: text(row.record_id),
    changes:
      typeof row.changes === "string" ? JSON.parse(row.changes) : (row.changes as AuditEntry["changes"]),
    revertOf: text(row.revert_of),
    causeId: text(row.cause_id),
  };
}

/** The WHERE conditions (with `?` placeholders) and values of an audit filter. */
export function auditWhere(filter: AuditFilter): { where: string[]; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    values.push(value);
  };
  if (filter.model !== undefined) add("model = ?", filter.model);
  if (filter.recordId !== undefined) add("record_id = ?", filter.recordId);
  if (filter.actorId !== undefined) add("actor_id = ?", filter.actorId);
  if (filter.action !== undefined) add("action = ?", filter.action);
  if (filter.causeId !== undefined) add("cause_id = ?", filter.causeId);
  if (filter.topLevel) where.push("cause_id IS NULL");
  if (filter.before !== undefined) add("id < ?", filter.before);
  return { where, values };
}
