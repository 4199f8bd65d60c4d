import { AtriumError, type DatabaseProvider } from "@atrium/core";
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaMariaDb } from "@prisma/adapter-mariadb";
import type { PrismaPg } from "@prisma/adapter-pg";
import { mariadbUrl, mysqlDatabaseOf } from "./mariadbUrl.js";

export type DriverAdapterFactory = PrismaBetterSqlite3 | PrismaPg | PrismaMariaDb;

/** Which database a connection URL names, judged by its scheme. */
export function providerOfUrl(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  if (url.startsWith("mysql://") || url.startsWith("mariadb://")) return "mysql";
  throw new Error(
    `Unsupported database URL '${redactUrl(url)}': use file:./path.db (SQLite), postgresql://... or mysql://...`,
  );
}

/**
 * The Prisma driver adapter for a connection URL; Prisma 7 has no built-in engine, so every client needs one.
 * Only the URL's adapter and driver are loaded: the MySQL one alone takes about 0.4 s to import.
 */
export interface AdapterOptions {
  /**
   * Longest a statement may run, in milliseconds, on PostgreSQL (`statement_timeout`) and MariaDB
   * (`max_statement_time`); 0 or absent: no limit. SQLite has none (better-sqlite3 cannot interrupt a query), nor
   * has MySQL here (its `max_execution_time` covers SELECTs only).
   */
  statementTimeoutMs?: number;
}

export async function createAdapter(
  url: string,
  options: AdapterOptions = {},
): Promise<DriverAdapterFactory> {
  const provider = providerOfUrl(url);
  const timeout = options.statementTimeoutMs ?? 0;
  switch (provider) {
    case "sqlite": {
      const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
      return new PrismaBetterSqlite3({ url });
    }
    case "postgresql": {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      // JIT compilation pays off for long analytical queries, never for an admin's pages: a list counting 20
      // relations spent 8 s compiling itself and 22 ms running. An `options` parameter in the URL wins.
      const limit = timeout > 0 ? ` -c statement_timeout=${Math.round(timeout)}` : "";
      return new PrismaPg({ ...postgresPoolConfig(url), options: `-c jit=off${limit}` });
    }
    case "mysql": {
      const { PrismaMariaDb } = await import("@prisma/adapter-mariadb");
      // The database name makes Prisma qualify its queries the way the URL means them.
      return new PrismaMariaDb(withStatementTimeout(mariadbUrl(url), timeout), {
        database: mysqlDatabaseOf(url),
      });
    }
    default: {
      const unreachable: never = provider;
      throw new Error(`Unknown provider ${String(unreachable)}`);
    }
  }
}

/**
 * Sets MariaDB's `max_statement_time` on each new connection, unless the URL has an `initSql` of its own. The
 * setting sits in a MariaDB-only comment (`/*M!...*\/`) so that MySQL, which lacks it, runs a no-op instead of
 * refusing every connection; the statement has no spaces because the driver's URL parser turns them into `+`.
 */
function withStatementTimeout(driverUrl: string, timeoutMs: number): string {
  const parsed = new URL(driverUrl);
  if (timeoutMs <= 0 || parsed.searchParams.has("initSql")) return driverUrl;
  const seconds = (timeoutMs / 1000).toFixed(3);
  parsed.searchParams.set(
    "initSql",
    `SET@@session.sql_mode=@@session.sql_mode/*M!100108,@@session.max_statement_time=${seconds}*/`,
  );
  return parsed.toString();
}

/**
 * The pool of a PostgreSQL URL: Prisma's `connection_limit` parameter sizes it (node-postgres would ignore the
 * name and open up to 10 connections per server), and is taken out of the URL the driver sees.
 */
export function postgresPoolConfig(url: string): { connectionString: string; max?: number } {
  const parsed = new URL(url);
  const limit = parsed.searchParams.get("connection_limit");
  if (limit === null) return { connectionString: url };
  const max = Number(limit);
  if (!Number.isInteger(max) || max < 1) {
    throw new AtriumError(
      "bad_request",
      `connection_limit=${limit} in '${redactUrl(url)}' must be a whole number of connections, 1 or more`,
    );
  }
  parsed.searchParams.delete("connection_limit");
  return { connectionString: parsed.href, max };
}

/** Hides the password of a connection URL so that it can be logged. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, "//$1:***@");
}
