/** Refuses a `--url` that cannot reach the schema's database before anything connects, and says what would. */
import { type DatabaseProvider, isAtriumError } from "@atrium/core";
import { redactUrl } from "../runtime/createAdapter.js";
import { mariadbUrl } from "../runtime/mariadbUrl.js";
import { PushError } from "./pushError.js";

const examples: Record<DatabaseProvider, string> = {
  sqlite: "file:./dev.db",
  postgresql: "postgresql://user:password@localhost:5432/database",
  mysql: "mysql://user:password@localhost:3306/database",
};

const names: Record<DatabaseProvider, string> = {
  sqlite: "SQLite",
  postgresql: "PostgreSQL",
  mysql: "MySQL",
};

function kindOf(url: string): DatabaseProvider | undefined {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (/^(mysql|mariadb):\/\//.test(url)) return "mysql";
  return undefined;
}

export function checkPushUrl(provider: DatabaseProvider, url: string): void {
  const shown = redactUrl(url);
  const kind = kindOf(url);
  const useInstead = `Use a URL like ${examples[provider]}`;
  if (!kind) {
    throw new PushError(
      "bad_request",
      `--url "${shown}" is not a database URL: the schema's datasource is ${names[provider]}`,
      `${useInstead}.`,
    );
  }
  if (kind !== provider) {
    throw new PushError(
      "bad_request",
      `--url "${shown}" is a ${names[kind]} URL, but the schema's datasource provider is "${provider}"`,
      `${useInstead}, or change the provider in the schema's datasource block.`,
    );
  }
  if (provider === "postgresql") checkServerUrl(url, shown, useInstead);
  if (provider === "mysql") {
    try {
      mariadbUrl(url);
    } catch (error) {
      const reason = isAtriumError(error) ? (error.fields?.url ?? error.message) : String(error);
      throw new PushError(
        "bad_request",
        `--url "${shown}" is not a valid MySQL URL: ${reason}`,
        `${useInstead}.`,
      );
    }
  }
}

function checkServerUrl(url: string, shown: string, useInstead: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PushError(
      "bad_request",
      `--url "${shown}" is not a valid URL`,
      `${useInstead}; special characters in the password must be percent-encoded (@ as %40, / as %2F).`,
    );
  }
  if (parsed.hostname === "" && !parsed.searchParams.has("host")) {
    throw new PushError("bad_request", `--url "${shown}" names no host`, `${useInstead}.`);
  }
}
