/**
 * A fresh database with the saas test schema and Atrium's system tables, for the system store's tests.
 * SQLite: a temp file. PostgreSQL and MySQL/MariaDB: a database of its own on the local server, dropped on close.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseProvider } from "@atrium/core";
import mariadb from "mariadb";
import pg from "pg";
import { schemaPath } from "../../../test/schemaPaths.js";
import { pushSchema } from "../../push/pushSchema.js";
import { createClientForSchema, type GenericPrismaClient } from "../../runtime/prepareClient.js";
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

const postgresAdminUrl =
  process.env.ATRIUM_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const mysqlAdminUrl = process.env.ATRIUM_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/mysql";

export async function openSystemStoreDatabase(provider: DatabaseProvider): Promise<SystemStoreDatabase> {
  const folder = await mkdtemp(join(tmpdir(), "atrium-system-"));
  const cleanups: (() => Promise<unknown>)[] = [() => rm(folder, { recursive: true, force: true })];
  try {
    const schemaText = (await readFile(schemaPath("saas"), "utf8")).replace(
      'provider = "sqlite"',
      `provider = "${provider}"`,
    );
    let url = `file:${join(folder, "test.db")}`;
    const database = `atrium_system_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    if (provider === "postgresql") {
      await postgresQuery(`CREATE DATABASE ${database}`);
      cleanups.unshift(() => postgresQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      url = postgresAdminUrl.replace(/\/[^/]*$/, `/${database}`);
    }
    if (provider === "mysql") {
      await mysqlQuery(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      cleanups.unshift(() => mysqlQuery(`DROP DATABASE IF EXISTS ${database}`));
      url = mysqlAdminUrl.replace(/\/[^/]*$/, `/${database}`);
    }
    await pushSchema({ schemaText, url });
    const file = join(folder, "saas.prisma");
    await writeFile(file, schemaText);
    const client: GenericPrismaClient = await createClientForSchema(file, url);
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

async function postgresQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2000 });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function mysqlQuery(sql: string): Promise<void> {
  const admin = await mariadb.createConnection({
    ...Object.fromEntries(new URL(mysqlAdminUrl.replace(/^mysql:/, "mariadb:")).searchParams),
    host: new URL(mysqlAdminUrl).hostname,
    port: Number(new URL(mysqlAdminUrl).port || 3306),
    user: decodeURIComponent(new URL(mysqlAdminUrl).username),
    password: decodeURIComponent(new URL(mysqlAdminUrl).password),
    connectTimeout: 2000,
  });
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Whether the local server for `provider` answers; its suite is skipped (and says so) when it does not. */
export async function databaseIsReachable(provider: DatabaseProvider): Promise<boolean> {
  if (provider === "sqlite") return true;
  try {
    await (provider === "postgresql" ? postgresQuery("SELECT 1") : mysqlQuery("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}
