/** The one place this package reaches @atrium/auth. */
export {
  type AuditAction,
  type AuditEntry,
  type AuditFilter,
  type AuthRole,
  type AuthStore,
  type AuthUser,
  auditActions,
  type NewAuditEntry,
  normalizeEmail,
  type StoredApiToken,
  type StoredSession,
  sortableId,
} from "@atrium/auth";
