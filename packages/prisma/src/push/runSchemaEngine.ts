/**
 * Calls into Prisma's WebAssembly schema engine (see loadSchemaEngine.ts): builds an engine over a driver adapter
 * whose connections are closed afterwards, and turns the engine's failures (plain objects, or panics) into
 * PushErrors that say what happened.
 */
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaFile } from "../schema/readDatamodel.js";
import { loadSchemaEngine, takeLastPanic, withEngineTimers } from "./loadSchemaEngine.js";
import { PushError } from "./pushError.js";

export const emptyFilters = { externalTables: [], externalEnums: [] };

type Engine = Awaited<ReturnType<Awaited<ReturnType<typeof loadSchemaEngine>>["new"]>>;

/**
 * Runs `use` with an engine for the schema over `factory`, then frees it and closes what it opened, timers
 * included (so a push lets the process exit).
 */
export async function withSchemaEngine<T>(
  files: SchemaFile[],
  factory: SqlMigrationAwareDriverAdapterFactory,
  use: (engine: Engine) => Promise<T>,
): Promise<T> {
  const SchemaEngine = await loadSchemaEngine();
  const connections = trackConnections(factory);
  const adapter = bindMigrationAwareSqlAdapterFactory(connections.factory);
  return withEngineTimers(async () => {
    try {
      const engine = await runEngine(() => SchemaEngine.new({ datamodels: files }, () => {}, adapter));
      try {
        return await use(engine);
      } finally {
        engine.free();
      }
    } finally {
      await connections.closeAll();
    }
  });
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

/** Engine errors arrive as plain objects or as panics. */
export async function runEngine<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PushError) throw error;
    const panic = takeLastPanic();
    const message = panic ?? engineMessage(error);
    throw new PushError(
      "bad_request",
      `Prisma's schema engine failed: ${message}`,
      "Check the schema and --url (with SQLite, the file's folder must be writable); if they are right, report this with the schema.",
      { cause: error },
    );
  }
}

function engineMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return JSON.stringify(error);
}
