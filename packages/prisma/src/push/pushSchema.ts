/**
 * Creates a database's tables from a Prisma schema, offline.
 *
 * Why this exists: Prisma 7's CLI (`prisma db push`, `prisma migrate`) first downloads a native schema engine
 * and fails without internet. The same engine ships compiled to WebAssembly (`@prisma/schema-engine-wasm`):
 * - SQLite: its `schemaPush` runs through the better-sqlite3 driver adapter, like `prisma db push`.
 * - PostgreSQL: its `diff` from an empty schema gives the SQL, which `pg` runs (pushPostgres.ts).
 * - MySQL: the WebAssembly engine has no MySQL connector at all, so mysqlSchemaSql writes the DDL from the
 *   datamodel and the `mariadb` driver runs it (pushMysql.ts).
 * PostgreSQL and MySQL pushes are only right for a fresh, empty database. Every failure is a PushError: one
 * sentence and a hint, never a driver's error object.
 */
import { type DatabaseProvider, isAtriumError } from "@atrium/core";
import { readDatamodel, type SchemaFile } from "../schema/readDatamodel.js";
import { checkPushUrl } from "./checkPushUrl.js";
import { driverMessage, PushError } from "./pushError.js";
import { schemaWarnings } from "./schemaSettings.js";

export interface PushSchemaOptions {
  /** The Prisma schema; its datasource block needs only a provider (Prisma 7 style, no url). */
  schemaText: string;
  /**
   * `file:/abs/path.db` for SQLite, `postgresql://...` for a fresh PostgreSQL database, `mysql://...` for a fresh
   * MySQL/MariaDB database (it must exist already).
   */
  url: string;
  /** Name used in Prisma's messages and warnings. @default "schema.prisma" */
  fileName?: string;
  /** SQLite only: apply changes that lose data (dropped columns...) instead of refusing. @default false */
  acceptDataLoss?: boolean;
}

export interface PushSchemaResult {
  provider: DatabaseProvider;
  /** Prisma's warnings about the schema, e.g. a relation without an index under relationMode = "prisma". */
  warnings: string[];
}

export async function pushSchema(options: PushSchemaOptions): Promise<PushSchemaResult> {
  const files: SchemaFile[] = [[options.fileName ?? "schema.prisma", options.schemaText]];
  try {
    const provider = readProvider(files);
    checkPushUrl(provider, options.url);
    switch (provider) {
      // Each database's push loads its own driver (and the schema engine) only when it runs: importing
      // @atrium/prisma to serve must not pay for them.
      case "sqlite": {
        const { pushSqlite } = await import("./pushSqlite.js");
        await pushSqlite(files, options.url, options.acceptDataLoss ?? false);
        break;
      }
      case "postgresql": {
        const { pushPostgres } = await import("./pushPostgres.js");
        await pushPostgres(files, options.url);
        break;
      }
      case "mysql": {
        const { pushMysql } = await import("./pushMysql.js");
        await pushMysql(files, options.url);
        break;
      }
      default: {
        const never: never = provider;
        throw new Error(`Unexpected provider ${String(never)}`);
      }
    }
    return { provider, warnings: schemaWarnings(files) };
  } catch (error) {
    if (error instanceof PushError) throw error;
    throw new PushError(
      "internal",
      `The push failed: ${driverMessage(error)}`,
      "This is a bug in Atrium's push, not in your schema's use of it: please report it with the schema.",
      { cause: error },
    );
  }
}

/** Prisma's validation first: a schema it refuses is listed error by error, with file and line. */
function readProvider(files: SchemaFile[]): DatabaseProvider {
  try {
    return readDatamodel(files).provider;
  } catch (error) {
    if (!isAtriumError(error)) throw error;
    const errors = schemaErrors(error.message);
    const [fileName = "schema.prisma"] = files[0] ?? [];
    const first = errors[0] ?? error.fields?.schema ?? error.message;
    const hint =
      errors.length > 1
        ? `Fix these ${errors.length} errors, then push again:\n${errors.map((item) => `  - ${item}`).join("\n")}`
        : "Fix it, then push again.";
    throw new PushError("bad_request", `${fileName} is not a valid Prisma schema: ${first}`, hint, {
      cause: error,
    });
  }
}

/** Prisma's report as `file:line: message` lines; readDatamodel keeps its text without terminal colours. */
function schemaErrors(report: string): string[] {
  const errors: string[] = [];
  const lines = report.split("\n");
  for (const [index, line] of lines.entries()) {
    const text = /^(?:Invalid Prisma schema: )?error: (?:Error validating: )?(.*)$/.exec(line)?.[1];
    if (!text) continue;
    const location = lines
      .slice(index + 1, index + 3)
      .map((next) => /^\s*-->\s*(\S+)/.exec(next)?.[1])
      .find((found) => found !== undefined);
    errors.push(location ? `${location}: ${text}` : text);
  }
  return errors;
}
