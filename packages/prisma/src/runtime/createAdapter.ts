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
export async function createAdapter(url: string): Promise<DriverAdapterFactory> {
  const provider = providerOfUrl(url);
  switch (provider) {
    case "sqlite": {
      const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
      return new PrismaBetterSqlite3({ url });
    }
    case "postgresql": {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      // JIT compilation pays off for long analytical queries, never for an admin's pages: a list counting 20
      // relations spent 8 s compiling itself and 22 ms running. An `options` parameter in the URL wins.
      return new PrismaPg({ ...postgresPoolConfig(url), options: "-c jit=off" });
    }
    case "mysql": {
      const { PrismaMariaDb } = await import("@prisma/adapter-mariadb");
      // The database name makes Prisma qualify its queries the way the URL means them.
      return new PrismaMariaDb(mariadbUrl(url), { database: mysqlDatabaseOf(url) });
    }
    default: {
      const unreachable: never = provider;
      throw new Error(`Unknown provider ${String(unreachable)}`);
    }
  }
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
