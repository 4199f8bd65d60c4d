/**
 * PostgreSQL: the SQL of the schema engine's `diff` from an empty schema, run with `pg` in one transaction, so a
 * refused statement leaves the database as it was. (`schemaPush` fails there: the pg adapter cannot read the
 * catalog's one-byte `"char"` columns the engine inspects.) That is only right for a fresh, empty database.
 *
 * The script creates the schema's `schemas = [...]` and its declared `extensions = [...]` first; the push checks
 * those extensions against the server's pg_available_extensions before it begins, so that a missing one is
 * named with where to get it, and explains a type or operator class whose extension the schema forgot.
 */
import pg from "pg";
import type { SchemaFile } from "../schema/readDatamodel.js";
import { connectionError } from "./connectionError.js";
import { diffFromEmpty } from "./diffFromEmpty.js";
import {
  extensionsNotOnServer,
  postgresPushError,
  type ScriptStep,
  type ServerFacts,
} from "./postgresPushError.js";

export async function pushPostgres(files: SchemaFile[], url: string): Promise<void> {
  const [fileName = "schema.prisma", schemaText = ""] = files[0] ?? [];
  const steps = scriptSteps(await diffFromEmpty(schemaText, fileName));
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A connection lost mid-push surfaces as the failing query's error; without a listener it would crash.
  client.on("error", () => {});
  await client.connect().catch((error: unknown) => {
    throw connectionError("PostgreSQL", url, error);
  });
  try {
    const server = await readServerFacts(client, url, steps);
    const missing = server.declared.filter((extension) => !server.available.has(extension));
    if (missing.length > 0) throw extensionsNotOnServer(missing, server);
    await client.query("BEGIN");
    for (const step of steps) {
      try {
        await client.query(step.sql);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw postgresPushError(error, step, server);
      }
    }
    await client.query("COMMIT");
  } finally {
    await client.end().catch(() => {});
  }
}

async function readServerFacts(client: pg.Client, url: string, steps: ScriptStep[]): Promise<ServerFacts> {
  const { rows } = await client.query<{ major: number; available: string[] }>(
    "SELECT current_setting('server_version_num')::int / 10000 AS major, " +
      "ARRAY(SELECT name::text FROM pg_available_extensions) AS available",
  );
  const parsed = new URL(url);
  return {
    at: `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`,
    major: rows[0]?.major ?? 0,
    available: new Set(rows[0]?.available ?? []),
    declared: steps.flatMap((step) => /^CREATE EXTENSION IF NOT EXISTS "([^"]+)"/m.exec(step.sql)?.[1] ?? []),
  };
}

/**
 * The engine writes each step after a `-- CreateTable`-style comment line. An extension declared into a schema
 * of its own (`pgcrypto(schema: "extensions")`, as Supabase does) needs that schema, which the engine creates
 * only when a model lives there: the step creates it first.
 */
export function scriptSteps(script: string): ScriptStep[] {
  const parts = script.split(/^-- [A-Z]\w*\n/m);
  return parts
    .map((part) => part.trim())
    .filter((sql) => sql !== "")
    .map((sql) => {
      const schema = /^CREATE EXTENSION IF NOT EXISTS "[^"]+" WITH SCHEMA ("[^"]+")/.exec(sql)?.[1];
      return {
        sql: schema ? `CREATE SCHEMA IF NOT EXISTS ${schema};\n${sql}` : sql,
        subject: subjectOf(sql),
      };
    });
}

const subjects: [RegExp, string][] = [
  [/^CREATE TABLE ("[^"]+"(?:\."[^"]+")?)/, "table"],
  [/^CREATE (?:UNIQUE )?INDEX ("[^"]+")/, "index"],
  [/^ALTER TABLE \S+ ADD CONSTRAINT ("[^"]+") FOREIGN KEY/, "foreign key"],
  [/^CREATE TYPE ("[^"]+"(?:\."[^"]+")?)/, "enum"],
  [/^CREATE EXTENSION IF NOT EXISTS ("[^"]+")/, "extension"],
  [/^CREATE SCHEMA IF NOT EXISTS ("[^"]+")/, "schema"],
  [/^CREATE SEQUENCE ("[^"]+"(?:\."[^"]+")?)/, "sequence"],
];

function subjectOf(sql: string): string {
  for (const [pattern, kind] of subjects) {
    const name = pattern.exec(sql)?.[1];
    if (name) return `${kind} ${name}`;
  }
  return `"${sql.split("\n")[0]?.slice(0, 80)}"`;
}
