/**
 * SQL as the admin of the local PostgreSQL or MySQL/MariaDB server, for tests that make databases of their own.
 * Another server: set ATRIUM_TEST_POSTGRES_URL or ATRIUM_TEST_MYSQL_URL.
 */
import type { DatabaseProvider } from "@atrium/core";
import mariadb, { type ConnectionConfig } from "mariadb";
import pg from "pg";

export type ServerProvider = Exclude<DatabaseProvider, "sqlite">;

/** Each server's admin connection, to a database that always exists. */
export const adminUrls: Record<ServerProvider, string> = {
  postgresql: process.env.ATRIUM_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  mysql: process.env.ATRIUM_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/mysql",
};

export interface AdminQueryOptions {
  /** Bound to the placeholders: `$1` on PostgreSQL, `?` on MySQL. @default [] */
  values?: unknown[];
  /** How long to wait for the server to accept the connection, in milliseconds. @default 10_000 */
  connectTimeoutMs?: number;
}

/** Runs one statement on a connection of its own and returns the rows it read. */
export async function adminQuery<Row = unknown>(
  provider: ServerProvider,
  sql: string,
  options: AdminQueryOptions = {},
): Promise<Row[]> {
  const { values = [], connectTimeoutMs = 10_000 } = options;
  if (provider === "postgresql") {
    const client = new pg.Client({
      connectionString: adminUrls.postgresql,
      connectionTimeoutMillis: connectTimeoutMs,
    });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as Row[];
    } finally {
      await client.end();
    }
  }
  const connection = await mariadb.createConnection(mysqlConfig(adminUrls.mysql, connectTimeoutMs));
  try {
    return (await connection.query(sql, values)) as Row[];
  } finally {
    await connection.end();
  }
}

/** The connector takes `mariadb://` strings only, and no timeout in them: read the `mysql://` URL instead. */
function mysqlConfig(url: string, connectTimeout: number): ConnectionConfig {
  const parsed = new URL(url);
  return {
    ...Object.fromEntries(parsed.searchParams),
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    connectTimeout,
  };
}
