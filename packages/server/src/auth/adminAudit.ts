/**
 * What the user and role routes share: only superusers reach them, and each change is an audit entry that names no
 * model (`model: null`, `recordId: "user:<id>"` / `"role:<id>"`), so the history shows it to superusers only and
 * nobody can revert it as if it were a record.
 */
import type { AuditChanges, AuthStore, JsonValue, NewAuditEntry, Principal } from "@atrium/auth";
import { AtriumError, type SchemaMeta } from "@atrium/core";
import type { Context } from "hono";
import { accessOf } from "./requestAccess.js";

/** Role forms carry a few hundred permission strings at most. */
export const maxAdminBodyBytes = 64 * 1024;

export type AdminAudit = (
  tx: AuthStore,
  c: Context,
  entry: Pick<NewAuditEntry, "action" | "recordId" | "changes">,
) => Promise<unknown>;

/** Appends an entry by the signed-in superuser, inside the change's own store transaction. */
export function adminAudit(schema: SchemaMeta, now: () => Date): AdminAudit {
  return (tx, c, entry) => {
    const actor = superuserOf(c, schema);
    return tx.appendAudit({
      at: now(),
      actorId: actor.userId,
      actorEmail: actor.email,
      model: null,
      revertOf: null,
      ...entry,
    });
  };
}

export function superuserOf(c: Context, schema: SchemaMeta): Principal {
  const principal = accessOf(c, schema).principal;
  if (!principal?.isSuperuser || !principal.isActive) {
    throw new AtriumError("forbidden", "Only superusers manage users and roles. Ask a superuser.");
  }
  return principal;
}

export function added(values: Record<string, JsonValue>): AuditChanges {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { old: null, new: value }]));
}

export function removed(values: Record<string, JsonValue>): AuditChanges {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { old: value, new: null }]));
}

export function changed(before: Record<string, JsonValue>, after: Record<string, JsonValue>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [name, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[name]))
      changes[name] = { old: before[name] ?? null, new: value };
  }
  return changes;
}
