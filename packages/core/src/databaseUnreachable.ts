/**
 * Whether an error means the database could not be reached or dropped the connection (down, restarting, the
 * connection killed, the pool unable to connect), as opposed to a query it refused. Such a request is answered
 * `503 database_unavailable` ("try again"), and a server starting while the database is down waits for it.
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

export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!isShape(current) || seen.has(current)) continue;
    seen.add(current);
    if (saysUnreachable(current)) return true;
    const meta = current.meta;
    queue.push(current.cause, isShape(meta) ? meta.driverAdapterError : undefined);
  }
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
