/**
 * An AuthStore in memory: for unit tests and single-process demos. Transactions copy the state and put it
 * back when the work throws, which is enough for one process with no concurrent writers.
 */
import { randomUUID } from "node:crypto";
import { AtriumError } from "@atrium/core";
import {
  type AuditEntry,
  type AuthRole,
  type AuthStore,
  type AuthUser,
  normalizeEmail,
  type StoredApiToken,
  type StoredSession,
} from "./authStore.js";
import { memoryAuditMethods } from "./memoryAudit.js";

interface State {
  users: Map<string, AuthUser>;
  roles: Map<string, AuthRole>;
  rolePermissions: Map<string, Set<string>>;
  userRoles: Map<string, Set<string>>;
  sessions: Map<string, StoredSession>;
  apiTokens: Map<string, StoredApiToken>;
  attempts: { key: string; at: Date }[];
  audit: AuditEntry[];
}

function emptyState(): State {
  return {
    users: new Map(),
    roles: new Map(),
    rolePermissions: new Map(),
    userRoles: new Map(),
    sessions: new Map(),
    apiTokens: new Map(),
    attempts: [],
    audit: [],
  };
}

function copyState(state: State): State {
  return structuredClone(state);
}

export function createMemoryAuthStore(): AuthStore {
  const holder = { state: emptyState() };
  return memoryStore(holder);
}

function memoryStore(holder: { state: State }): AuthStore {
  const s = () => holder.state;
  const emailTaken = (email: string, exceptId?: string) =>
    [...s().users.values()].some(
      (user) => user.id !== exceptId && normalizeEmail(user.email) === normalizeEmail(email),
    );

  const store: AuthStore = {
    async createUser(input) {
      if (emailTaken(input.email)) throw emailInUse();
      const user: AuthUser = {
        id: randomUUID(),
        email: input.email.trim(),
        passwordHash: input.passwordHash,
        isSuperuser: input.isSuperuser ?? false,
        isActive: input.isActive ?? true,
        createdAt: input.createdAt,
        lastLoginAt: null,
      };
      s().users.set(user.id, user);
      return { ...user };
    },
    async findUserById(id) {
      const user = s().users.get(id);
      return user ? { ...user } : null;
    },
    async findUserByEmail(email) {
      const user = [...s().users.values()].find(
        (each) => normalizeEmail(each.email) === normalizeEmail(email),
      );
      return user ? { ...user } : null;
    },
    async listUsers() {
      return [...s().users.values()]
        .map((user) => ({ ...user }))
        .sort((a, b) => a.email.localeCompare(b.email));
    },
    async countUsers() {
      return s().users.size;
    },
    async updateUser(id, patch) {
      const user = s().users.get(id);
      if (!user) throw new AtriumError("not_found", `No user has the id '${id}'`);
      if (patch.email !== undefined && emailTaken(patch.email, id)) throw emailInUse();
      const updated = {
        ...user,
        ...patch,
        ...(patch.email !== undefined ? { email: patch.email.trim() } : {}),
      };
      s().users.set(id, updated);
      return { ...updated };
    },
    async deleteUser(id) {
      s().users.delete(id);
      s().userRoles.delete(id);
      for (const [hash, session] of s().sessions) if (session.userId === id) s().sessions.delete(hash);
      for (const [tokenId, token] of s().apiTokens) if (token.userId === id) s().apiTokens.delete(tokenId);
    },
    async createRole(name) {
      if ([...s().roles.values()].some((role) => role.name === name)) {
        throw new AtriumError("unique_violation", `A role named '${name}' exists already`, {
          fields: { name: "is taken" },
        });
      }
      const role = { id: randomUUID(), name };
      s().roles.set(role.id, role);
      return { ...role };
    },
    async listRoles() {
      return [...s().roles.values()]
        .map((role) => ({ ...role }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    async deleteRole(id) {
      s().roles.delete(id);
      s().rolePermissions.delete(id);
      for (const roleIds of s().userRoles.values()) roleIds.delete(id);
    },
    async renameRole(id, name) {
      const role = s().roles.get(id);
      if (!role) throw new AtriumError("not_found", `No role has the id '${id}'`);
      if ([...s().roles.values()].some((other) => other.name === name && other.id !== id)) {
        throw new AtriumError("unique_violation", `A role named '${name}' exists already`, {
          fields: { name: "is taken" },
        });
      }
      const renamed = { ...role, name };
      s().roles.set(id, renamed);
      return { ...renamed };
    },
    async setRolePermissions(roleId, permissions) {
      if (!s().roles.has(roleId)) throw new AtriumError("not_found", `No role has the id '${roleId}'`);
      s().rolePermissions.set(roleId, new Set(permissions));
    },
    async listRolePermissions(roleId) {
      return [...(s().rolePermissions.get(roleId) ?? [])].sort();
    },
    async setUserRoles(userId, roleIds) {
      if (!s().users.has(userId)) throw new AtriumError("not_found", `No user has the id '${userId}'`);
      const missing = roleIds.find((id) => !s().roles.has(id));
      if (missing) throw new AtriumError("not_found", `No role has the id '${missing}'`);
      s().userRoles.set(userId, new Set(roleIds));
    },
    async listUserRoles(userId) {
      return [...(s().userRoles.get(userId) ?? [])]
        .map((id) => s().roles.get(id))
        .filter((role): role is AuthRole => role !== undefined)
        .map((role) => ({ ...role }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    async listRoleMemberships() {
      return [...s().userRoles]
        .flatMap(([userId, roleIds]) =>
          [...roleIds].flatMap((id) => {
            const role = s().roles.get(id);
            return role ? [{ userId, role: { ...role } }] : [];
          }),
        )
        .sort((a, b) => a.role.name.localeCompare(b.role.name));
    },
    async listUserPermissions(userId) {
      const permissions = new Set<string>();
      for (const roleId of s().userRoles.get(userId) ?? []) {
        for (const permission of s().rolePermissions.get(roleId) ?? []) permissions.add(permission);
      }
      return [...permissions].sort();
    },
    async createSession(session) {
      s().sessions.set(session.tokenHash, { ...session });
    },
    async findSession(tokenHash) {
      const session = s().sessions.get(tokenHash);
      return session ? { ...session } : null;
    },
    async touchSession(tokenHash, lastSeenAt) {
      const session = s().sessions.get(tokenHash);
      if (session) session.lastSeenAt = lastSeenAt;
    },
    async deleteSession(tokenHash) {
      s().sessions.delete(tokenHash);
    },
    async deleteUserSessions(userId) {
      let count = 0;
      for (const [hash, session] of s().sessions) {
        if (session.userId === userId) {
          s().sessions.delete(hash);
          count += 1;
        }
      }
      return count;
    },
    async deleteExpiredSessions(now, idleSince) {
      let count = 0;
      for (const [hash, session] of s().sessions) {
        if (session.expiresAt <= now || session.lastSeenAt <= idleSince) {
          s().sessions.delete(hash);
          count += 1;
        }
      }
      return count;
    },
    async createApiToken(input) {
      if (!s().users.has(input.userId)) {
        throw new AtriumError("not_found", `No user has the id '${input.userId}'`);
      }
      if ([...s().apiTokens.values()].some((token) => token.tokenHash === input.tokenHash)) {
        throw new AtriumError("unique_violation", "An API token with this hash exists already");
      }
      const token: StoredApiToken = { ...input, id: randomUUID(), lastUsedAt: null, revokedAt: null };
      s().apiTokens.set(token.id, token);
      return { ...token };
    },
    async findApiTokenByHash(tokenHash) {
      const token = [...s().apiTokens.values()].find((each) => each.tokenHash === tokenHash);
      return token ? { ...token } : null;
    },
    async findApiToken(id) {
      const token = s().apiTokens.get(id);
      return token ? { ...token } : null;
    },
    async listApiTokens(userId) {
      return [...s().apiTokens.values()]
        .filter((token) => token.userId === userId)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
        .map((token) => ({ ...token }));
    },
    async touchApiToken(id, lastUsedAt) {
      const token = s().apiTokens.get(id);
      if (token) token.lastUsedAt = lastUsedAt;
    },
    async revokeApiToken(id, at) {
      const token = s().apiTokens.get(id);
      if (!token) return false;
      token.revokedAt ??= at;
      return true;
    },
    async recordLoginAttempt(key, at) {
      s().attempts.push({ key, at });
    },
    async listLoginAttempts(key, since, limit) {
      return s()
        .attempts.filter((attempt) => attempt.key === key && attempt.at > since)
        .map((attempt) => attempt.at)
        .sort((a, b) => b.getTime() - a.getTime())
        .slice(0, limit);
    },
    async clearLoginAttempts(key) {
      s().attempts = s().attempts.filter((attempt) => attempt.key !== key);
    },
    async pruneLoginAttempts(before) {
      const kept = s().attempts.filter((attempt) => attempt.at >= before);
      const count = s().attempts.length - kept.length;
      s().attempts = kept;
      return count;
    },
    ...memoryAuditMethods(() => s().audit),
    async transaction(work) {
      const saved = copyState(holder.state);
      try {
        return await work(store);
      } catch (error) {
        holder.state = saved;
        throw error;
      }
    },
    withTransaction() {
      // One process, no concurrent writers: the outer transaction's rollback is not visible here, so the
      // caller must use transaction() to get rollback from a memory store.
      return store;
    },
  };
  return store;
}

function emailInUse(): AtriumError {
  return new AtriumError("unique_violation", "Another user has this email address", {
    fields: { email: "is taken" },
  });
}
