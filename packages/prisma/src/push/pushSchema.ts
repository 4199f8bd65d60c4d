/**
 * Creates a database's tables from a Prisma schema, offline.
 *
 * Why this exists: Prisma 7's CLI (`prisma db push`, `prisma migrate`) first downloads a native schema engine
 * and fails without internet. The same engine ships compiled to WebAssembly (`@prisma/schema-engine-wasm`):
 * - SQLite: its `schemaPush` runs through the better-sqlite3 driver adapter, like `prisma db push`.
 * - PostgreSQL: `schemaPush` fails there (the pg adapter cannot read the catalog's one-byte `"char"` columns the
 *   engine inspects), so we ask `diff` for the SQL that builds the schema from nothing and run it with `pg`.
 *   That is only right for a fresh, empty database, which is what tests and demos create.
 * - MySQL: the WebAssembly engine has no MySQL connector at all, so mysqlSchemaSql writes the DDL from the
 *   datamodel and the `mariadb` driver runs it. Also only right for a fresh, empty database.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { AtriumError, type DatabaseProvider } from "@atrium/core";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { readDatamodel } from "../schema/readDatamodel.js";
import { loadSchemaEngine, takeLastPanic } from "./loadSchemaEngine.js";
import { pushMysql } from "./pushMysql.js";
import { quoteSqliteJsonDefaults } from "./sqliteJsonDefaults.js";

export interface PushSchemaOptions {
  /** The Prisma schema; its datasource block needs only a provider (Prisma 7 style, no url). */
  schemaText: string;
  /**
   * `file:/abs/path.db` for SQLite, `postgresql://...` for a fresh PostgreSQL database, `mysql://...` for a fresh
   * MySQL/MariaDB database (it must exist already).
   */
  url: string;
  /** Name used in Prisma's messages. @default "schema.prisma" */
  fileName?: string;
  /** SQLite only: apply changes that lose data (dropped columns...) instead of refusing. @default false */
  acceptDataLoss?: boolean;
}

export interface PushSchemaResult {
  provider: DatabaseProvider;
}

const emptyFilters = { externalTables: [], externalEnums: [] };

export async function pushSchema(options: PushSchemaOptions): Promise<PushSchemaResult> {
  const fileName = options.fileName ?? "schema.prisma";
  const { provider } = readDatamodel([[fileName, options.schemaText]]);
  switch (provider) {
    case "sqlite":
      await pushSqlite(options, fileName);
      break;
    case "postgresql":
      await pushPostgres(options, fileName);
      break;
    case "mysql":
      await pushMysql(options, fileName);
      break;
    default: {
      const never: never = provider;
      throw new Error(`Unexpected provider ${String(never)}`);
    }
  }
  return { provider };
}

async function pushSqlite(options: PushSchemaOptions, fileName: string): Promise<void> {
  if (!options.url.startsWith("file:")) {
    throw new AtriumError("bad_request", `A SQLite url must start with "file:", got "${options.url}"`, {
      fields: { url: 'expected "file:/path/to/database.db"' },
    });
  }
  const path = options.url.slice("file:".length).split("?")[0] ?? "";
  if (path !== ":memory:") await mkdir(dirname(path), { recursive: true });

  const SchemaEngine = await loadSchemaEngine();
  const connections = trackConnections(new PrismaBetterSqlite3({ url: options.url }));
  const adapter = bindMigrationAwareSqlAdapterFactory(connections.factory);
  const schemaText = quoteSqliteJsonDefaults(options.schemaText);
  const files = [{ path: fileName, content: schemaText }];
  const engine = await runEngine(() =>
    SchemaEngine.new({ datamodels: [[fileName, schemaText]] }, () => {}, adapter),
  );
  try {
    const result = await runEngine(() =>
      engine.schemaPush({ schema: { files }, force: options.acceptDataLoss ?? false, filters: emptyFilters }),
    );
    const problems = [...result.unexecutable, ...(options.acceptDataLoss ? [] : result.warnings)];
    if (problems.length > 0) {
      throw new AtriumError("conflict", `The schema push was not applied:\n${problems.join("\n")}`, {
        fields: { schema: problems[0] ?? "" },
      });
    }
  } finally {
    engine.free();
    await connections.closeAll();
  }
}

/** Freeing the engine does not close the connections it opened; without this the database file stays open. */
function trackConnections(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: SqlDriverAdapter[] = [];
  const track = async (connection: Promise<SqlDriverAdapter>) => {
    const adapter = await connection;
    opened.push(adapter);
    return adapter;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  };
  return {
    factory: tracked,
    closeAll: async () => {
      await Promise.all(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

async function pushPostgres(options: PushSchemaOptions, fileName: string): Promise<void> {
  const script = await diffFromEmpty(options.schemaText, fileName);
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    // One transaction: a failed statement leaves the database as it was.
    await client.query(`BEGIN;\n${script}\nCOMMIT;`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** The SQL that creates the schema in an empty database; reads no database. */
export async function diffFromEmpty(schemaText: string, fileName = "schema.prisma"): Promise<string> {
  const SchemaEngine = await loadSchemaEngine();
  // `diff` from "empty" never connects, but the engine wants an adapter to be built with.
  const connections = trackConnections(new PrismaBetterSqlite3({ url: ":memory:" }));
  const adapter = bindMigrationAwareSqlAdapterFactory(connections.factory);
  const engine = await runEngine(() =>
    SchemaEngine.new({ datamodels: [[fileName, schemaText]] }, () => {}, adapter),
  );
  try {
    const result = await runEngine(() =>
      engine.diff({
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: fileName, content: schemaText }] },
        script: true,
        exitCode: null,
        filters: emptyFilters,
      }),
    );
    return result.stdout ?? "";
  } finally {
    engine.free();
    await connections.closeAll();
  }
}

/** Engine errors arrive as plain objects or as panics; turn them into errors that say what happened. */
async function runEngine<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AtriumError) throw error;
    const panic = takeLastPanic();
    const message = panic ?? engineMessage(error);
    throw new Error(`Prisma schema engine failed: ${message}`, { cause: error });
  }
}

function engineMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return JSON.stringify(error);
}
