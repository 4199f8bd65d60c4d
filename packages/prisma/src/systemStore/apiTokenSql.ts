/** The API-token part of the system store (atrium_api_token), kept apart from the users and sessions. */
import { randomUUID } from "node:crypto";
import { AtriumError } from "@atrium/core";
import type { AuthStore, StoredApiToken } from "./auth.js";
import { isUniqueViolation } from "./isUniqueViolation.js";
import { type SqlRunner, toBoolean, toDate, toDateOrNull } from "./sqlRunner.js";

type ApiTokenMethods = Pick<
  AuthStore,
  | "createApiToken"
  | "findApiTokenByHash"
  | "findApiToken"
  | "listApiTokens"
  | "touchApiToken"
  | "revokeApiToken"
>;

const columns =
  "id, user_id, name, prefix, token_hash, read_only, created_at, expires_at, last_used_at, revoked_at";

function readApiToken(row: Record<string, unknown>): StoredApiToken {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    name: String(row.name),
    prefix: String(row.prefix),
    tokenHash: String(row.token_hash),
    readOnly: toBoolean(row.read_only),
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    lastUsedAt: toDateOrNull(row.last_used_at),
    revokedAt: toDateOrNull(row.revoked_at),
  };
}

export function apiTokenMethods(sql: SqlRunner): ApiTokenMethods {
  const findBy = async (column: "id" | "token_hash", value: string) => {
    const rows = await sql.query(`SELECT ${columns} FROM atrium_api_token WHERE ${column} = ?`, value);
    return rows[0] ? readApiToken(rows[0]) : null;
  };
  return {
    async createApiToken(input) {
      // SQLite enforces foreign keys only when the connection turns them on: check the owner explicitly.
      const owner = await sql.query("SELECT id FROM atrium_user WHERE id = ?", input.userId);
      if (owner.length === 0) throw new AtriumError("not_found", `No user has the id '${input.userId}'`);
      const token: StoredApiToken = { ...input, id: randomUUID(), lastUsedAt: null, revokedAt: null };
      try {
        await sql.execute(
          `INSERT INTO atrium_api_token (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          token.id,
          token.userId,
          token.name,
          token.prefix,
          token.tokenHash,
          token.readOnly,
          token.createdAt,
          token.expiresAt,
          null,
          null,
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AtriumError("unique_violation", "An API token with this hash exists already");
        }
        throw error;
      }
      return token;
    },
    findApiTokenByHash: (tokenHash) => findBy("token_hash", tokenHash),
    findApiToken: (id) => findBy("id", id),
    async listApiTokens(userId) {
      const rows = await sql.query(
        `SELECT ${columns} FROM atrium_api_token WHERE user_id = ? ORDER BY created_at DESC, id DESC`,
        userId,
      );
      return rows.map(readApiToken);
    },
    async touchApiToken(id, lastUsedAt) {
      await sql.execute("UPDATE atrium_api_token SET last_used_at = ? WHERE id = ?", lastUsedAt, id);
    },
    async revokeApiToken(id, at) {
      await sql.execute(
        "UPDATE atrium_api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
        at,
        id,
      );
      // Read back rather than trust the affected-row count: a second revoke changes nothing yet the token exists.
      return (await sql.query("SELECT id FROM atrium_api_token WHERE id = ?", id)).length > 0;
    },
  };
}
