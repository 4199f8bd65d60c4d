/**
 * A fresh database with the saas test schema and Atrium's system tables, for the system store's tests.
 * SQLite: a temp file. PostgreSQL and MySQL/MariaDB: a database of its own on the local server, dropped on close.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseProvider } from "@atrium/core";
import { schemaPath } from "../../../test/schemaPaths.js";
import { pushSchema } from "../../push/pushSchema.js";
import { createClientForSchema, type GenericPrismaClient } from "../../runtime/prepareClient.js";
import { createTestDatabase } from "../../testing/createTestDatabase.js";
import { withProvider } from "../../testing/withProvider.js";
import type { AuthStore } from "../auth.js";
import { createSystemStore, type SystemStoreClient } from "../createSystemStore.js";
import { ensureSystemTables } from "../ensureSystemTables.js";
import { systemTableNames } from "../systemTablesSql.js";

export interface SystemStoreDatabase {
  provider: DatabaseProvider;
  // biome-ignore lint/suspicious/noExplicitAny: the generated client of the saas schema, untyped.
  client: any;
  store: AuthStore;
  /** Empties the system tables, children first, so that each test starts from nothing. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export async function openSystemStoreDatabase(provider: DatabaseProvider): Promise<SystemStoreDatabase> {
  const folder = await mkdtemp(join(tmpdir(), "atrium-system-"));
  const cleanups: (() => Promise<unknown>)[] = [() => rm(folder, { recursive: true, force: true })];
  try {
    const schemaText = withProvider(await readFile(schemaPath("saas"), "utf8"), provider);
    const database = await createTestDatabase(provider, { prefix: "atrium_system", folder });
    cleanups.unshift(() => database.drop());
    await pushSchema({ schemaText, url: database.url });
    const file = join(folder, "saas.prisma");
    await writeFile(file, schemaText);
    const client: GenericPrismaClient = await createClientForSchema(file, database.url);
    cleanups.unshift(() => client.$disconnect());
    const raw = client as unknown as SystemStoreClient;
    await ensureSystemTables(raw, provider);
    return {
      provider,
      client,
      store: createSystemStore(raw, provider),
      async clear() {
        for (const table of [...systemTableNames].reverse())
          await raw.$executeRawUnsafe(`DELETE FROM ${table}`);
      },
      close: () => runAll(cleanups),
    };
  } catch (error) {
    await runAll(cleanups);
    throw error;
  }
}

async function runAll(steps: (() => Promise<unknown>)[]): Promise<void> {
  for (const step of steps) await step().catch(() => {});
}
