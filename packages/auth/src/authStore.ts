/**
 * What sign-in, permissions and the audit history need from storage. `@atrium/prisma` implements it over
 * Atrium's own tables in the application's database (so several servers share sessions and throttling);
 * createMemoryAuthStore implements it for tests and single-process demos. Every implementation runs
 * authStoreContract.
 *
 * Dates are Date objects; ids are strings the store generates. Email addresses are unique regardless of case.
 */

export interface AuthUser {
  id: string;
  /** As the user typed it; lookups ignore case. */
  email: string;
  /** `scrypt$N$r$p$salt$hash` (see passwords.ts). Never leaves the server. */
  passwordHash: string;
  isSuperuser: boolean;
  /** Inactive users cannot sign in and their sessions stop working. */
  isActive: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  /** @default false */
  isSuperuser?: boolean;
  /** @default true */
  isActive?: boolean;
  createdAt: Date;
}

export type UserPatch = Partial<
  Pick<AuthUser, "email" | "passwordHash" | "isSuperuser" | "isActive" | "lastLoginAt">
>;

export interface AuthRole {
  id: string;
  /** Unique, case-sensitive. */
  name: string;
}

/** One user's membership of one role. */
export interface RoleMembership {
  userId: string;
  role: AuthRole;
}

export interface StoredSession {
  /** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** The absolute expiry; idle expiry is judged from lastSeenAt. */
  expiresAt: Date;
}

/**
 * An API token for scripts and front-end apps (apiTokens.ts). Like a session, only the SHA-256 of the secret is
 * stored; `prefix` (the first characters of the token) is not secret and lets a user recognise it in a list.
 */
export interface StoredApiToken {
  /** The store's id, for revoking; not the secret. */
  id: string;
  userId: string;
  /** What the user called it ("nightly export"). */
  name: string;
  prefix: string;
  /** SHA-256 (hex) of the whole token. Unique. */
  tokenHash: string;
  /** Refused on every write route (any method but GET, HEAD, OPTIONS). */
  readOnly: boolean;
  createdAt: Date;
  /** Every token expires; there is no never-expiring token. */
  expiresAt: Date;
  lastUsedAt: Date | null;
  /** Set once when revoked; a revoked token is kept so its owner sees when it stopped working. */
  revokedAt: Date | null;
}

export type NewApiToken = Omit<StoredApiToken, "id" | "lastUsedAt" | "revokedAt">;

export type AuditAction =
  | "create"
  | "update"
  | "delete"
  | "bulk_delete"
  | "login"
  | "login_failed"
  | "logout"
  | "revert"
  /** A configured action (models.<Model>.bulkActions / recordActions) ran; its writes name it as their cause. */
  | "action";

export const auditActions: readonly AuditAction[] = [
  "create",
  "update",
  "delete",
  "bulk_delete",
  "login",
  "login_failed",
  "logout",
  "revert",
  "action",
];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Field name -> its value before and after, wire-encoded (JSON-safe) by the caller. */
export type AuditChanges = Record<string, { old: JsonValue; new: JsonValue }>;

export interface NewAuditEntry {
  at: Date;
  /** Null for failed logins of unknown accounts and for system actions. */
  actorId: string | null;
  /** Kept as text so that history still names the actor after the user is deleted. */
  actorEmail: string;
  action: AuditAction;
  /** URL key of the model, null for sign-in events. */
  model: string | null;
  /** The record's encoded id (recordId.ts), null for sign-in events. */
  recordId: string | null;
  changes: AuditChanges;
  /** For `revert`: the id of the entry it undid. */
  revertOf: string | null;
  /**
   * The entry of the user's action this change followed from: a record the database deleted (Cascade) or whose
   * reference it cleared (SetNull) because the user deleted another one, or a part of a revert. Reverting the
   * cause reverts these with it. Null (or absent) for a user's own action.
   */
  causeId?: string | null;
}

export interface AuditEntry extends NewAuditEntry {
  /** Sorts in creation order (see sortableId.ts). */
  id: string;
  causeId: string | null;
}

export interface AuditFilter {
  model?: string;
  recordId?: string;
  actorId?: string;
  action?: AuditAction;
  /** Entries that followed from this entry (NewAuditEntry.causeId). */
  causeId?: string;
  /** Only the users' own actions: entries no other entry caused. */
  topLevel?: boolean;
  /** Entries strictly older than this id (keyset paging, newest first). */
  before?: string;
  /** @default 50 */
  limit?: number;
}

/** A transaction of the store's database, e.g. the `tx` of a Prisma interactive transaction. */
export type TransactionHandle = unknown;

export interface AuthStore {
  createUser(user: NewUser): Promise<AuthUser>;
  findUserById(id: string): Promise<AuthUser | null>;
  findUserByEmail(email: string): Promise<AuthUser | null>;
  listUsers(): Promise<AuthUser[]>;
  countUsers(): Promise<number>;
  /** Throws AtriumError("not_found") for an unknown id, ("unique_violation") for a taken email. */
  updateUser(id: string, patch: UserPatch): Promise<AuthUser>;
  /** Also removes the user's sessions, API tokens and role memberships; audit entries keep the email. */
  deleteUser(id: string): Promise<void>;

  /** Throws AtriumError("unique_violation") when the name is taken. */
  createRole(name: string): Promise<AuthRole>;
  listRoles(): Promise<AuthRole[]>;
  deleteRole(id: string): Promise<void>;
  /** Throws AtriumError("not_found") for an unknown id, ("unique_violation") when the name is taken. */
  renameRole(id: string, name: string): Promise<AuthRole>;
  /** Replaces the role's permissions. */
  setRolePermissions(roleId: string, permissions: readonly string[]): Promise<void>;
  listRolePermissions(roleId: string): Promise<string[]>;
  /** Replaces the user's roles. */
  setUserRoles(userId: string, roleIds: readonly string[]): Promise<void>;
  listUserRoles(userId: string): Promise<AuthRole[]>;
  /** Every membership, ordered by role name: the users page and the roles' member counts read it once. */
  listRoleMemberships(): Promise<RoleMembership[]>;
  /** The union of the permissions of the user's roles. */
  listUserPermissions(userId: string): Promise<string[]>;

  createSession(session: StoredSession): Promise<void>;
  findSession(tokenHash: string): Promise<StoredSession | null>;
  touchSession(tokenHash: string, lastSeenAt: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<number>;
  /** Removes sessions whose absolute expiry is at or before `now`, or idle since `idleSince`. */
  deleteExpiredSessions(now: Date, idleSince: Date): Promise<number>;

  /** Throws AtriumError("not_found") for an unknown user. */
  createApiToken(token: NewApiToken): Promise<StoredApiToken>;
  findApiTokenByHash(tokenHash: string): Promise<StoredApiToken | null>;
  findApiToken(id: string): Promise<StoredApiToken | null>;
  /** The user's tokens, revoked ones included, newest first. */
  listApiTokens(userId: string): Promise<StoredApiToken[]>;
  touchApiToken(id: string, lastUsedAt: Date): Promise<void>;
  /** Sets revokedAt unless set already; false when no such token exists. */
  revokeApiToken(id: string, at: Date): Promise<boolean>;

  recordLoginAttempt(key: string, at: Date): Promise<void>;
  /** Times of the attempts of `key` after `since`, newest first, at most `limit`. */
  listLoginAttempts(key: string, since: Date, limit: number): Promise<Date[]>;
  clearLoginAttempts(key: string): Promise<void>;
  pruneLoginAttempts(before: Date): Promise<number>;

  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  /**
   * Several entries in few statements, for bulk creates (generated records, imports). Optional: a store without
   * it gets them one by one through appendAudit.
   */
  appendAuditMany?(entries: NewAuditEntry[]): Promise<void>;
  getAudit(id: string): Promise<AuditEntry | null>;
  /** Newest first. */
  listAudit(filter?: AuditFilter): Promise<AuditEntry[]>;
  /**
   * How many entries each of `causeIds` caused (NewAuditEntry.causeId), counting only entries of `models` when
   * given; ids that caused none are absent.
   */
  countCausedAudit(causeIds: readonly string[], models?: readonly string[]): Promise<Map<string, number>>;

  /** Runs `work` in one transaction of its own: all of its writes are kept, or none. */
  transaction<T>(work: (store: AuthStore) => Promise<T>): Promise<T>;
  /**
   * The same store bound to a transaction someone else opened (the data source's write), so that an audit
   * entry commits or rolls back with the change it records.
   */
  withTransaction(tx: TransactionHandle): AuthStore;
}

/** Lookups and uniqueness of emails ignore case and surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
