/**
 * A `mysql://` or `mariadb://` URL as the `mariadb` driver takes it.
 *
 * - The driver only parses its own `mariadb:` scheme.
 * - Prisma's own MySQL URL parameters (`connection_limit`, `connect_timeout`...) are translated: users copy their
 *   `DATABASE_URL` from a Prisma project, and the driver would silently ignore those names.
 * - `allowPublicKeyRetrieval`: MySQL 8's default `caching_sha2_password` login over a connection without TLS
 *   needs the server's public key; without it every login fails with "RSA public key is not available". The URL
 *   can still turn it off.
 * - `timezone=Z`: Prisma writes and reads DATETIME values as UTC, so the session works in UTC too and column
 *   defaults such as `CURRENT_TIMESTAMP(3)` agree with what Prisma writes.
 */
import { AtriumError } from "@atrium/core";
// A cycle with createAdapter.ts, harmless: redactUrl is only called, never read while modules load.
import { redactUrl } from "./createAdapter.js";

/** Prisma URL parameter -> the driver's option, and how to convert the value. */
const prismaParameters: Record<string, [option: string, convert: (value: string) => string]> = {
  connection_limit: ["connectionLimit", (value) => value],
  connect_timeout: ["connectTimeout", seconds],
  pool_timeout: ["acquireTimeout", seconds],
  socket_timeout: ["socketTimeout", seconds],
};

/** Prisma parameters with no driver equivalent; dropped rather than passed on as unknown options. */
const ignoredParameters = new Set(["schema", "sslaccept", "sslmode", "statement_cache_size", "pgbouncer"]);

export function mariadbUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/^mysql:/, "mariadb:"));
  } catch {
    throw invalid(url, "not a valid URL");
  }
  if (parsed.protocol !== "mariadb:") throw invalid(url, "expected mysql://user:password@host:3306/database");
  if (parsed.pathname.replace(/^\//, "") === "") throw invalid(url, "the URL names no database");

  const params = parsed.searchParams;
  for (const [name, [option, convert]] of Object.entries(prismaParameters)) {
    const value = params.get(name);
    params.delete(name);
    if (value !== null && !params.has(option)) params.set(option, convert(value));
  }
  for (const name of ignoredParameters) params.delete(name);
  if (!params.has("allowPublicKeyRetrieval")) params.set("allowPublicKeyRetrieval", "true");
  if (!params.has("timezone")) params.set("timezone", "Z");
  return parsed.toString();
}

/** The database a MySQL URL names. */
export function mysqlDatabaseOf(url: string): string {
  return decodeURIComponent(new URL(mariadbUrl(url)).pathname.slice(1));
}

function seconds(value: string): string {
  const number = Number(value);
  return Number.isFinite(number) ? String(Math.round(number * 1000)) : value;
}

function invalid(url: string, reason: string): AtriumError {
  return new AtriumError("bad_request", `Invalid MySQL URL '${redactUrl(url)}': ${reason}`, {
    fields: { url: reason },
  });
}
