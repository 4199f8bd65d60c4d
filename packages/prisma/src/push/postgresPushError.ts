/** Why PostgreSQL refused a step of a push, in the schema's terms, with what to change. */
import {
  declaration,
  extensionProviding,
  howToDeclare,
  installAdvice,
  type MissingKind,
} from "./postgresExtensions.js";
import { driverCode, driverMessage, PushError } from "./pushError.js";

/** One statement of the engine's script, and what it creates: `table "public"."Member"`. */
export interface ScriptStep {
  sql: string;
  subject: string;
}

/** What the push read from the server before it began. */
export interface ServerFacts {
  /** "127.0.0.1:5432", for messages. */
  at: string;
  major: number;
  /** Names in pg_available_extensions: what this server can create. */
  available: Set<string>;
  /** The extensions the schema declares, as the script creates them. */
  declared: string[];
}

const notEmpty = new Set(["42P07", "42710", "42P06", "42723"]);

export function postgresPushError(error: unknown, step: ScriptStep, server: ServerFacts): PushError {
  const code = driverCode(error);
  const reason = driverMessage(error);
  const missing = missingObject(code, reason);
  if (missing) return missingFromExtension(error, step, server, missing);
  const unavailable = /^extension "([^"]+)" is not available/.exec(reason)?.[1];
  if (unavailable) return extensionsNotOnServer([unavailable], server, error);
  if (code === "42501") {
    const extension = /permission denied to create extension "([^"]+)"/.exec(reason)?.[1];
    if (extension) {
      return new PushError(
        "forbidden",
        `The user in --url may not create the extension ${extension}: ${reason}`,
        `A superuser must create it once in this database: CREATE EXTENSION IF NOT EXISTS "${extension}"; then push again (the push keeps extensions that exist).`,
        { cause: error },
      );
    }
    return new PushError(
      "forbidden",
      `PostgreSQL refused ${step.subject}: ${reason}`,
      "Push as the database's owner, or grant the user CREATE on the database and its schemas (since PostgreSQL 15, only the owner may create in public: GRANT CREATE ON SCHEMA public TO the user).",
      { cause: error },
    );
  }
  if (code === "3F000") {
    const schema = /schema "([^"]+)" does not exist/.exec(reason)?.[1] ?? "the schema";
    return new PushError(
      "bad_request",
      `PostgreSQL refused ${step.subject}: ${reason}`,
      `Create it first (CREATE SCHEMA "${schema}";), then push again. Nothing was changed.`,
      { cause: error },
    );
  }
  if (notEmpty.has(code ?? "")) {
    return new PushError(
      "conflict",
      `The database is not empty: ${reason}`,
      "Push only creates a schema in an empty database: create a new database, or drop what this one holds, then push again. Nothing was changed.",
      { cause: error },
    );
  }
  return new PushError(
    "bad_request",
    `PostgreSQL refused ${step.subject}: ${reason}`,
    `Nothing was changed. The statement PostgreSQL refused was:\n${step.sql}`,
    { cause: error },
  );
}

/** A schema that declares extensions the server does not have. */
export function extensionsNotOnServer(extensions: string[], server: ServerFacts, cause?: unknown): PushError {
  const list = extensions.join(", ");
  const plural = extensions.length > 1 ? "s" : "";
  const advice = extensions.map((extension) => installAdvice(extension, server.major)).join("; ");
  return new PushError(
    "bad_request",
    `The schema declares the PostgreSQL extension${plural} ${list}, which the server at ${server.at} (PostgreSQL ${server.major}) does not have`,
    `${capitalize(advice)}; then push again. Or remove ${list} from extensions = [...] in the datasource block. Nothing was changed.`,
    { cause },
  );
}

interface MissingObject {
  kind: MissingKind;
  name: string;
  /** How a message names it: `type "citext"`, `operator class "gin_trgm_ops" (for GIN indexes)`. */
  shown: string;
}

function missingObject(code: string | undefined, reason: string): MissingObject | undefined {
  if (code === "42704") {
    const type = /^type "([^"]+)" does not exist/.exec(reason)?.[1];
    if (type) return { kind: "type", name: type, shown: `type "${type}"` };
    const operatorClass = /^operator class "([^"]+)" does not exist for access method "([^"]+)"/.exec(reason);
    if (operatorClass) {
      const [, name = "", method = ""] = operatorClass;
      return {
        kind: "operator class",
        name,
        shown: `operator class "${name}" for ${method.toUpperCase()} indexes`,
      };
    }
    const method = /^access method "([^"]+)" does not exist/.exec(reason)?.[1];
    if (method) return { kind: "access method", name: method, shown: `index type "${method}"` };
  }
  if (code === "42883") {
    const name = /^function ([\w."]+)\(/.exec(reason)?.[1]?.replaceAll('"', "");
    if (name) return { kind: "function", name, shown: `function ${name}()` };
  }
  return undefined;
}

function missingFromExtension(
  error: unknown,
  step: ScriptStep,
  server: ServerFacts,
  missing: MissingObject,
): PushError {
  const extension = extensionProviding(missing.kind, missing.name);
  const where = `PostgreSQL has no ${missing.shown} (needed by ${step.subject})`;
  if (!extension) {
    return new PushError(
      "bad_request",
      `${where}: ${driverMessage(error)}`,
      `If an extension provides it, declare that extension in the schema (previewFeatures = ["postgresqlExtensions"] in the generator block, extensions = [...] in the datasource block) and push again; SELECT name FROM pg_available_extensions lists those the server has. Nothing was changed.`,
      { cause: error },
    );
  }
  if (server.declared.includes(extension)) {
    return new PushError(
      "bad_request",
      `${where}: it comes from the extension ${extension}, which the schema declares, but PostgreSQL does not find it`,
      `Is the extension created in a schema outside the search_path? Declare it as ${declaration(extension)} without schema:, or add its schema to the database's search_path. Nothing was changed.`,
      { cause: error },
    );
  }
  const declare = `declare it in the schema: ${howToDeclare(extension, server.declared)}, then push again`;
  const hint = server.available.has(extension)
    ? capitalize(declare)
    : `${capitalize(installAdvice(extension, server.major))}; then ${declare}`;
  return new PushError(
    "bad_request",
    `${where}: it comes from the extension ${extension}, which the schema does not declare`,
    `${hint}. Nothing was changed.`,
    { cause: error },
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
