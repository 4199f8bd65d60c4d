/**
 * Whether an error means the database could not do any write or read just now, as opposed to refusing this
 * query: it could not be reached or dropped the connection (down, restarting, the connection killed, the pool
 * unable to connect), it stayed locked by another writer past the busy timeout (SQLite), or it cannot store
 * anything (disk full, read-only). Such a request is answered `503 database_unavailable` with a message saying
 * which, and nothing of it was written; a server starting while the database is unreachable waits for it.
 *
 * Read from the error's shape, not its class: the user's generated client may load its own copy of Prisma, and
 * the server package does not import Prisma at all.
 */

/** Driver adapter error kinds (`@prisma/driver-adapter-utils`) that say the connection, not the query, failed. */
const unreachableKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);

/**
 * PostgreSQL SQLSTATEs of the same kind: class 08 (connection exception), 57P01-57P03 (terminated by an
 * administrator, crash shutdown, cannot connect now: a restart).
 */
const postgresCodes = /^(08\w{3}|57P0[123])$/;

/**
 * MySQL/MariaDB: 1053 server shutdown, 1927 connection killed, 2002/2003/2006/2013 cannot connect / gone away /
 * lost, and the mariadb driver's own 45009 (socket closed), 45012 (connection timeout), 45028 (no connection
 * in the pool within its timeout).
 */
const mysqlCodes = new Set(["1053", "1927", "2002", "2003", "2006", "2013", "45009", "45012", "45028"]);

/** SQLite result codes (extended ones included): busy/locked, read-only, full. */
const sqliteBusy = new Set([5, 6, 261, 262, 517]);
const sqliteReadOnly = new Set([8, 264, 520, 776, 1032, 1288, 1544]);
const sqliteFull = new Set([13]);

/** SQLite's own sentences for those codes (sqlite3_errstr), which Prisma quotes in its messages. */
const sqliteSentences: [RegExp, "busy" | "read_only" | "full"][] = [
  [/\battempt to write a readonly database\b/, "read_only"],
  [/\bdatabase or disk is full\b/, "full"],
  [/\bdatabase (table )?is locked\b/, "busy"],
];

/** PostgreSQL: 53100 disk full, 25006 a read-only transaction (a standby, or default_transaction_read_only). */
const postgresFull = new Set(["53100"]);
const postgresReadOnly = new Set(["25006"]);

/** MySQL/MariaDB: 1021/1114 disk or table full; 1290/1792/1836 read-only server or transaction. */
const mysqlFull = new Set(["1021", "1114"]);
const mysqlReadOnly = new Set(["1290", "1792", "1836"]);

/** Node's socket errors, when a driver passes them through. */
const socketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
]);

/** Prisma's own codes: P1001 cannot reach, P1002 timed out, P1017 server closed the connection. */
const prismaCodes = new Set(["P1001", "P1002", "P1017"]);

/**
 * node-postgres reports a socket that closed under a query with a plain Error and no code; its messages are
 * the only sign ("Connection terminated unexpectedly", "... due to connection timeout").
 */
const pgSocketMessages =
  /^(Connection terminated\b|Client has encountered a connection error|Client was closed)/;

type Shape = Record<string, unknown>;

const isShape = (value: unknown): value is Shape => typeof value === "object" && value !== null;

/** Why the database cannot serve requests just now; undefined when it refused this query, or for anything else. */
export type DatabaseUnavailability = "unreachable" | "busy" | "full" | "read_only" | "timed_out";

export function databaseUnavailability(error: unknown): DatabaseUnavailability | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!isShape(current) || seen.has(current)) continue;
    seen.add(current);
    const found = saysUnavailable(current);
    if (found) return found;
    const meta = current.meta;
    queue.push(current.cause, isShape(meta) ? meta.driverAdapterError : undefined);
  }
  return undefined;
}

export function isDatabaseUnreachable(error: unknown): boolean {
  return databaseUnavailability(error) === "unreachable";
}

/** The sentence a 503 says, for each reason: what happened, that nothing was saved, what to do. */
export const unavailableMessages: Record<DatabaseUnavailability, string> = {
  unreachable: "The database cannot be reached right now; nothing was saved. Try again in a moment",
  busy: "The database is busy with another write; nothing was saved. Try again in a moment",
  full: "The database's disk is full; nothing was saved. An administrator must free space",
  read_only: "The database is read-only; nothing was saved. An administrator must make it writable",
  timed_out:
    "The database took longer than the time allowed for one request; nothing was saved. Narrow the list with a filter or a search, or try again",
};

function saysUnavailable(error: Shape): DatabaseUnavailability | undefined {
  const code = error.code === undefined ? undefined : String(error.code);
  const original = error.originalCode === undefined ? undefined : String(error.originalCode);
  // Every pooled connection stayed taken past the transaction's wait (Prisma P2028): too many writes at once.
  if (code === "P2028" && /Unable to start a transaction/.test(String(error.message ?? ""))) return "busy";
  if (error.kind === "sqlite") {
    // better-sqlite3 names the code (`SQLITE_READONLY_DBMOVED`); other drivers give its number.
    const name = original ?? "";
    if (/^SQLITE_(BUSY|LOCKED)/.test(name)) return "busy";
    if (/^SQLITE_READONLY/.test(name)) return "read_only";
    if (name === "SQLITE_FULL") return "full";
    const extended = Number(error.extendedCode ?? code ?? original);
    if (sqliteBusy.has(extended)) return "busy";
    if (sqliteReadOnly.has(extended)) return "read_only";
    if (sqliteFull.has(extended)) return "full";
  }
  // Prisma's own wording of a model write that failed this way (P2039) carries SQLite's fixed sentences.
  if (typeof error.message === "string") {
    const byMessage = sqliteSentences.find(([pattern]) => pattern.test(error.message as string));
    if (byMessage) return byMessage[1];
  }
  if (isStatementTimeout(error, code, original)) return "timed_out";
  if (error.kind === "postgres" && original !== undefined) {
    if (postgresFull.has(original)) return "full";
    if (postgresReadOnly.has(original)) return "read_only";
  }
  if (error.kind === "mysql") {
    const codes = [code, original].filter((value): value is string => value !== undefined);
    if (codes.some((value) => mysqlFull.has(value))) return "full";
    if (codes.some((value) => mysqlReadOnly.has(value))) return "read_only";
  }
  return saysUnreachable(error) ? "unreachable" : undefined;
}

/**
 * The statement ran past Atrium's limit: PostgreSQL 57014 *because of* `statement_timeout` (57014 alone is
 * any cancel), MariaDB 1969 (`max_statement_time`), MySQL 3024 (`max_execution_time`).
 */
function isStatementTimeout(error: Shape, code: string | undefined, original: string | undefined): boolean {
  const message = String(error.originalMessage ?? error.message ?? "");
  if (error.kind === "postgres") return original === "57014" && /statement timeout/.test(message);
  if (error.kind === "mysql") return [code, original].some((value) => value === "1969" || value === "3024");
  return false;
}

function saysUnreachable(error: Shape): boolean {
  const code = error.code === undefined ? undefined : String(error.code);
  const original = error.originalCode === undefined ? undefined : String(error.originalCode);
  if (typeof error.kind === "string" && unreachableKinds.has(error.kind)) return true;
  if (error.kind === "postgres" && original !== undefined && postgresCodes.test(original)) return true;
  if (error.kind === "mysql" && [code, original].some((value) => value && mysqlCodes.has(value))) return true;
  if (code !== undefined && (socketCodes.has(code) || prismaCodes.has(code))) return true;
  return code === undefined && typeof error.message === "string" && pgSocketMessages.test(error.message);
}
