/** Why a push could not connect to its database server, from the driver's error: one sentence and a hint. */
import { driverCode, driverMessage, PushError } from "./pushError.js";

export type ServerKind = "PostgreSQL" | "MySQL";

/** PostgreSQL's SQLSTATEs and MySQL's error numbers for "no such database" and "login refused". */
const missingDatabase = new Set(["3D000", "1049"]);
const loginRefused = new Set(["28000", "28P01", "1044", "1045", "1698"]);

export function connectionError(server: ServerKind, url: string, error: unknown): PushError {
  const { host, port, database, user } = partsOf(url, server);
  const at = `${host}:${port}`;
  const code = driverCode(error);
  const number = errorNumber(error);
  const reason = driverMessage(error);
  if (code === "ECONNREFUSED") {
    return new PushError(
      "bad_request",
      `Cannot connect to ${server} at ${at}: connection refused`,
      `Start the ${server} server, or correct the host and port in --url.`,
      { cause: error },
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new PushError(
      "bad_request",
      `Cannot connect to ${server}: the host "${host}" was not found`,
      "Correct the host name in --url.",
      { cause: error },
    );
  }
  if (code === "ETIMEDOUT" || code === "ER_CONNECTION_TIMEOUT" || /timeout|timed out/i.test(reason)) {
    return new PushError(
      "bad_request",
      `Cannot connect to ${server} at ${at}: no answer in time`,
      "Check that the server is running and that this machine can reach it (host, port, firewall).",
      { cause: error },
    );
  }
  if (missingDatabase.has(code ?? "") || missingDatabase.has(number)) {
    return new PushError(
      "bad_request",
      `The ${server} database "${database}" does not exist on ${at}`,
      server === "PostgreSQL"
        ? `Create it first (createdb ${database}, or CREATE DATABASE "${database}";), then push again: push creates tables, not databases.`
        : `Create it first (CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;), then push again: push creates tables, not databases.`,
      { cause: error },
    );
  }
  if (loginRefused.has(code ?? "") || loginRefused.has(number)) {
    return new PushError(
      "bad_request",
      `${server} at ${at} refused the login of "${user}": ${reason}`,
      "Correct the user name and password in --url (special characters in the password must be percent-encoded, e.g. @ as %40).",
      { cause: error },
    );
  }
  return new PushError(
    "bad_request",
    `Cannot connect to ${server} at ${at}: ${reason}`,
    "Check --url: the host, port, user, password and database it names, and the server's TLS settings.",
    { cause: error },
  );
}

/** mariadb's `errno` as text ("1049"), to look up alongside PostgreSQL's SQLSTATE codes. */
function errorNumber(error: unknown): string {
  if (error && typeof error === "object" && "errno" in error && typeof error.errno === "number") {
    return String(error.errno);
  }
  return "";
}

function partsOf(url: string, server: ServerKind) {
  const fallbackPort = server === "PostgreSQL" ? "5432" : "3306";
  try {
    const parsed = new URL(url);
    // Without a user in the URL, pg logs in as the OS user and mariadb as root.
    const user =
      decodeURIComponent(parsed.username) ||
      (server === "PostgreSQL" ? (process.env.USER ?? "postgres") : "root");
    return {
      host: parsed.hostname || "localhost",
      port: parsed.port || fallbackPort,
      database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || user,
      user,
    };
  } catch {
    return { host: "localhost", port: fallbackPort, database: "", user: "" };
  }
}
