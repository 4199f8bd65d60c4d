/**
 * How many rows a table holds, as the database already knows it: one cheap read whatever the table's size,
 * never a count. Undefined when the database does not say (a PostgreSQL table never analysed).
 */
import type { DatabaseProvider, ModelMeta } from "@atrium/core";
import type { QueryClient } from "./prismaClient.js";

export async function estimateTableRows(
  client: QueryClient,
  provider: DatabaseProvider,
  model: ModelMeta,
): Promise<number | undefined> {
  if (!client.$queryRawUnsafe) return undefined;
  const table = model.dbName ?? model.name;
  try {
    if (provider === "postgresql") return await postgresEstimate(client, model, table);
    if (provider === "mysql") return await mysqlEstimate(client, table);
    return await sqliteEstimate(client, table);
  } catch {
    return undefined;
  }
}

/** The planner's `reltuples`, kept up to date by autovacuum's ANALYZE. */
async function postgresEstimate(client: QueryClient, model: ModelMeta, table: string) {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const name = model.dbSchema ? `${quote(model.dbSchema)}.${quote(table)}` : quote(table);
  const rows = (await client.$queryRawUnsafe?.(
    "SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = to_regclass($1)",
    name,
  )) as { estimate: bigint | number | null }[];
  const estimate = Number(rows[0]?.estimate ?? -1);
  // -1 means the table was never analysed.
  return estimate >= 0 ? estimate : undefined;
}

/** InnoDB's own estimate (MySQL 8 caches it for up to a day; MariaDB reads it live). */
async function mysqlEstimate(client: QueryClient, table: string) {
  const rows = (await client.$queryRawUnsafe?.(
    "SELECT TABLE_ROWS AS estimate FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
    table,
  )) as { estimate: bigint | number | null }[];
  const estimate = rows[0]?.estimate;
  return estimate === null || estimate === undefined ? undefined : Number(estimate);
}

/**
 * The largest rowid, read from the end of the table's B-tree: about the number of rows ever inserted, an
 * overestimate after deletes. Prisma's SQLite tables are rowid tables (it never writes WITHOUT ROWID).
 */
async function sqliteEstimate(client: QueryClient, table: string) {
  const rows = (await client.$queryRawUnsafe?.(
    `SELECT max(rowid) AS estimate FROM "${table.replaceAll('"', '""')}"`,
  )) as { estimate: bigint | number | null }[];
  const estimate = rows[0]?.estimate;
  return Number(estimate ?? 0);
}
