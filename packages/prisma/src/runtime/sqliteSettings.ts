/**
 * How Atrium runs a SQLite database, chosen on purpose (docs/scaling.md):
 *
 * - `journal_mode = WAL`: readers never wait for the writer, nor the writer for readers, so a list page keeps
 *   answering while a long write (an import, a seed in another process) runs. Persistent in the file.
 * - `synchronous = FULL` (set on the connection: better-sqlite3 builds SQLite to use NORMAL in WAL mode): a
 *   commit survives a power cut; an admin's writes are few, and losing the last ones would be worse than their
 *   few milliseconds.
 * - `busy_timeout = 5000` (the driver's default, kept): a write waits up to 5 s for another process's write
 *   to finish before it answers 503 "busy"; a request never fails at once because of another writer.
 * - `foreign_keys = ON` (set by Prisma's adapter, checked here): the schema's relations hold in the file.
 */
import type { QueryClient } from "../dataSource/prismaClient.js";

export const sqliteSettings = {
  journal_mode: "wal",
  synchronous: 2,
  busy_timeout: 5000,
  foreign_keys: 1,
} as const;

type RawClient = { $queryRawUnsafe(sql: string): Promise<Record<string, unknown>[]> };

/** Applies the settings that are Atrium's choice and refuses to start when one the adapter owns is off. */
export async function applySqliteSettings(client: QueryClient): Promise<void> {
  const raw = client as unknown as RawClient;
  await raw.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await raw.$queryRawUnsafe("PRAGMA synchronous = FULL");
  const foreignKeys = await readSqliteSetting(client, "foreign_keys");
  if (foreignKeys !== 1)
    throw new Error("SQLite foreign keys are off on Atrium's connection; relations would not hold");
}

/** One PRAGMA's value on the client's connection. */
export async function readSqliteSetting(
  client: QueryClient,
  name: keyof typeof sqliteSettings,
): Promise<unknown> {
  const [row] = await (client as unknown as RawClient).$queryRawUnsafe(`PRAGMA ${name}`);
  const value = row ? Object.values(row)[0] : undefined;
  return typeof value === "bigint" ? Number(value) : value;
}
