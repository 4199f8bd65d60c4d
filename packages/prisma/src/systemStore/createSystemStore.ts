/**
 * AuthStore over Atrium's own tables (systemTablesSql.ts) in the application's database, through the Prisma
 * client Atrium already has, with raw parameterised SQL: the tables are not in the user's Prisma schema, so
 * there is no delegate for them.
 */
import { randomUUID } from "node:crypto";
import { AtriumError, type DatabaseProvider } from "@atrium/core";
import { apiTokenMethods } from "./apiTokenSql.js";
import { auditMethods } from "./auditSql.js";
import { type AuthRole, type AuthStore, type AuthUser, normalizeEmail } from "./auth.js";
import { isUniqueViolation } from "./isUniqueViolation.js";
import { createSqlRunner, type SqlExecutor, type SqlRunner, toDate, toNumber } from "./sqlRunner.js";
import { readSession, readUser, userColumns } from "./systemRows.js";

/** A Prisma client: raw SQL plus interactive transactions. */
export interface SystemStoreClient extends SqlExecutor {
  $transaction: (...args: never[]) => Promise<unknown>;
}

function emailTaken(): AtriumError {
  return new AtriumError("unique_violation", "Another user has this email address", {
    fields: { email: "is taken" },
  });
}

type Begin = <T>(work: (tx: SqlExecutor) => Promise<T>) => Promise<T>;

export function createSystemStore(client: SystemStoreClient, provider: DatabaseProvider): AuthStore {
  // Prisma's interactive transaction: `client.$transaction(async (tx) => ...)`.
  const begin: Begin = (work) => (client.$transaction as unknown as Begin)(work);
  return storeOver(createSqlRunner(client, provider), begin);
}

/**
 * `begin` opens a transaction; null when `sql` runs inside one already, where nested transactions simply join
 * the one that is open.
 */
function storeOver(sql: SqlRunner, begin: Begin | null): AuthStore {
  const atomically = <T>(work: (sql: SqlRunner, store: AuthStore) => Promise<T>): Promise<T> => {
    if (!begin) return work(sql, store);
    return begin((tx) => {
      const inner = createSqlRunner(tx, sql.provider);
      return work(inner, storeOver(inner, null));
    });
  };
  const store: AuthStore = {
    async createUser(input) {
      const user: AuthUser = {
        id: randomUUID(),
        email: input.email.trim(),
        passwordHash: input.passwordHash,
        isSuperuser: input.isSuperuser ?? false,
        isActive: input.isActive ?? true,
        createdAt: input.createdAt,
        lastLoginAt: null,
      };
      try {
        await sql.execute(
          `INSERT INTO atrium_user (${userColumns}, email_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          user.id,
          user.email,
          user.passwordHash,
          user.isSuperuser,
          user.isActive,
          user.createdAt,
          null,
          normalizeEmail(user.email),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
      return user;
    },
    async findUserById(id) {
      const rows = await sql.query(`SELECT ${userColumns} FROM atrium_user WHERE id = ?`, id);
      return rows[0] ? readUser(rows[0]) : null;
    },
    async findUserByEmail(email) {
      const rows = await sql.query(
        `SELECT ${userColumns} FROM atrium_user WHERE email_key = ?`,
        normalizeEmail(email),
      );
      return rows[0] ? readUser(rows[0]) : null;
    },
    async listUsers() {
      return (await sql.query(`SELECT ${userColumns} FROM atrium_user ORDER BY email_key`)).map(readUser);
    },
    async countUsers() {
      const rows = await sql.query("SELECT COUNT(*) AS n FROM atrium_user");
      return toNumber(rows[0]?.n ?? 0);
    },
    async updateUser(id, patch) {
      const sets: string[] = [];
      const values: unknown[] = [];
      const set = (column: string, value: unknown) => {
        sets.push(`${column} = ?`);
        values.push(value);
      };
      if (patch.email !== undefined) {
        set("email", patch.email.trim());
        set("email_key", normalizeEmail(patch.email));
      }
      if (patch.passwordHash !== undefined) set("password_hash", patch.passwordHash);
      if (patch.isSuperuser !== undefined) set("is_superuser", patch.isSuperuser);
      if (patch.isActive !== undefined) set("is_active", patch.isActive);
      if (patch.lastLoginAt !== undefined) set("last_login_at", patch.lastLoginAt);
      if (sets.length > 0) {
        try {
          await sql.execute(`UPDATE atrium_user SET ${sets.join(", ")} WHERE id = ?`, ...values, id);
        } catch (error) {
          if (isUniqueViolation(error)) throw emailTaken();
          throw error;
        }
      }
      // Read back rather than trust the affected-row count: MySQL counts only rows whose values changed.
      const user = await store.findUserById(id);
      if (!user) throw new AtriumError("not_found", `No user has the id '${id}'`);
      return user;
    },
    async deleteUser(id) {
      // Children first: SQLite enforces foreign keys (and so cascades) only when the connection enables them.
      await atomically(async (sql) => {
        await sql.execute("DELETE FROM atrium_session WHERE user_id = ?", id);
        await sql.execute("DELETE FROM atrium_api_token WHERE user_id = ?", id);
        await sql.execute("DELETE FROM atrium_user_role WHERE user_id = ?", id);
        await sql.execute("DELETE FROM atrium_user WHERE id = ?", id);
      });
    },
    async createRole(name) {
      const role: AuthRole = { id: randomUUID(), name };
      try {
        await sql.execute("INSERT INTO atrium_role (id, name) VALUES (?, ?)", role.id, role.name);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AtriumError("unique_violation", `A role named '${name}' exists already`, {
            fields: { name: "is taken" },
          });
        }
        throw error;
      }
      return role;
    },
    async listRoles() {
      const rows = await sql.query("SELECT id, name FROM atrium_role ORDER BY name");
      return rows.map((row) => ({ id: String(row.id), name: String(row.name) }));
    },
    async deleteRole(id) {
      await atomically(async (sql) => {
        await sql.execute("DELETE FROM atrium_user_role WHERE role_id = ?", id);
        await sql.execute("DELETE FROM atrium_role_permission WHERE role_id = ?", id);
        await sql.execute("DELETE FROM atrium_role WHERE id = ?", id);
      });
    },
    async renameRole(id, name) {
      try {
        await sql.execute("UPDATE atrium_role SET name = ? WHERE id = ?", name, id);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AtriumError("unique_violation", `A role named '${name}' exists already`, {
            fields: { name: "is taken" },
          });
        }
        throw error;
      }
      // MySQL counts only changed rows, so a same-name rename would look like a missing role: read it back.
      const rows = await sql.query("SELECT id, name FROM atrium_role WHERE id = ?", id);
      const row = rows[0];
      if (!row) throw new AtriumError("not_found", `No role has the id '${id}'`);
      return { id: String(row.id), name: String(row.name) };
    },
    async setRolePermissions(roleId, permissions) {
      await atomically(async (sql) => {
        const exists = await sql.query("SELECT id FROM atrium_role WHERE id = ?", roleId);
        if (exists.length === 0) throw new AtriumError("not_found", `No role has the id '${roleId}'`);
        await sql.execute("DELETE FROM atrium_role_permission WHERE role_id = ?", roleId);
        for (const permission of new Set(permissions)) {
          await sql.execute(
            "INSERT INTO atrium_role_permission (role_id, permission) VALUES (?, ?)",
            roleId,
            permission,
          );
        }
      });
    },
    async listRolePermissions(roleId) {
      const rows = await sql.query(
        "SELECT permission FROM atrium_role_permission WHERE role_id = ? ORDER BY permission",
        roleId,
      );
      return rows.map((row) => String(row.permission));
    },
    async setUserRoles(userId, roleIds) {
      await atomically(async (sql) => {
        const exists = await sql.query("SELECT id FROM atrium_user WHERE id = ?", userId);
        if (exists.length === 0) throw new AtriumError("not_found", `No user has the id '${userId}'`);
        await sql.execute("DELETE FROM atrium_user_role WHERE user_id = ?", userId);
        for (const roleId of new Set(roleIds)) {
          const role = await sql.query("SELECT id FROM atrium_role WHERE id = ?", roleId);
          if (role.length === 0) throw new AtriumError("not_found", `No role has the id '${roleId}'`);
          await sql.execute("INSERT INTO atrium_user_role (user_id, role_id) VALUES (?, ?)", userId, roleId);
        }
      });
    },
    async listUserRoles(userId) {
      const rows = await sql.query(
        "SELECT r.id, r.name FROM atrium_role r JOIN atrium_user_role ur ON ur.role_id = r.id WHERE ur.user_id = ? ORDER BY r.name",
        userId,
      );
      return rows.map((row) => ({ id: String(row.id), name: String(row.name) }));
    },
    async listRoleMemberships() {
      const rows = await sql.query(
        "SELECT ur.user_id, r.id, r.name FROM atrium_user_role ur JOIN atrium_role r ON r.id = ur.role_id ORDER BY r.name",
      );
      return rows.map((row) => ({
        userId: String(row.user_id),
        role: { id: String(row.id), name: String(row.name) },
      }));
    },
    async listUserPermissions(userId) {
      const rows = await sql.query(
        "SELECT DISTINCT p.permission FROM atrium_role_permission p JOIN atrium_user_role ur ON ur.role_id = p.role_id WHERE ur.user_id = ? ORDER BY p.permission",
        userId,
      );
      return rows.map((row) => String(row.permission));
    },
    async createSession(session) {
      await sql.execute(
        "INSERT INTO atrium_session (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        session.tokenHash,
        session.userId,
        session.createdAt,
        session.lastSeenAt,
        session.expiresAt,
      );
    },
    async findSession(tokenHash) {
      const rows = await sql.query(
        "SELECT token_hash, user_id, created_at, last_seen_at, expires_at FROM atrium_session WHERE token_hash = ?",
        tokenHash,
      );
      return rows[0] ? readSession(rows[0]) : null;
    },
    async touchSession(tokenHash, lastSeenAt) {
      await sql.execute(
        "UPDATE atrium_session SET last_seen_at = ? WHERE token_hash = ?",
        lastSeenAt,
        tokenHash,
      );
    },
    async deleteSession(tokenHash) {
      await sql.execute("DELETE FROM atrium_session WHERE token_hash = ?", tokenHash);
    },
    deleteUserSessions: (userId) => sql.execute("DELETE FROM atrium_session WHERE user_id = ?", userId),
    deleteExpiredSessions: (now, idleSince) =>
      sql.execute("DELETE FROM atrium_session WHERE expires_at <= ? OR last_seen_at <= ?", now, idleSince),
    ...apiTokenMethods(sql),
    async recordLoginAttempt(key, at) {
      await sql.execute(
        "INSERT INTO atrium_login_attempt (attempt_key, attempted_at) VALUES (?, ?)",
        key,
        at,
      );
    },
    async listLoginAttempts(key, since, limit) {
      const rows = await sql.query(
        "SELECT attempted_at FROM atrium_login_attempt WHERE attempt_key = ? AND attempted_at > ? ORDER BY attempted_at DESC LIMIT ?",
        key,
        since,
        Math.max(0, Math.trunc(limit)),
      );
      return rows.map((row) => toDate(row.attempted_at));
    },
    async clearLoginAttempts(key) {
      await sql.execute("DELETE FROM atrium_login_attempt WHERE attempt_key = ?", key);
    },
    pruneLoginAttempts: (before) =>
      sql.execute("DELETE FROM atrium_login_attempt WHERE attempted_at < ?", before),
    ...auditMethods(sql),
    transaction: (work) => atomically((_, inner) => work(inner)),
    withTransaction(tx) {
      if (typeof (tx as Partial<SqlExecutor> | null)?.$executeRawUnsafe !== "function") {
        throw new Error("withTransaction needs the tx of client.$transaction(async (tx) => ...)");
      }
      return storeOver(createSqlRunner(tx as SqlExecutor, sql.provider), null);
    },
  };
  return store;
}
