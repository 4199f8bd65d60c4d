import type { DatabaseProvider } from "@atrium/core";
import type { SqlExecutor } from "./sqlRunner.js";
import { systemTablesSql, systemTableUpgrades, upgradeSql } from "./systemTablesSql.js";

/**
 * Creates Atrium's own tables when missing, and adds the columns later releases added to tables an older one
 * created; run at start-up. Safe when several servers start at once: every statement is IF NOT EXISTS or
 * preceded by a check, and a server that loses a race to another retries once and finds the work done.
 */
export async function ensureSystemTables(client: SqlExecutor, provider: DatabaseProvider): Promise<void> {
  const { tables, indexes } = systemTablesSql(provider);
  for (const statement of tables) await runTwice(client, statement);
  for (const upgrade of systemTableUpgrades) {
    if (await hasColumn(client, upgrade.table, upgrade.column)) continue;
    for (const statement of upgradeSql(provider, upgrade)) {
      await client.$executeRawUnsafe(statement).catch(async (error: unknown) => {
        // Another server added it meanwhile.
        if (!(await hasColumn(client, upgrade.table, upgrade.column))) throw error;
      });
    }
  }
  for (const statement of indexes) await runTwice(client, statement);
}

async function runTwice(client: SqlExecutor, statement: string): Promise<void> {
  try {
    await client.$executeRawUnsafe(statement);
  } catch (error) {
    // PostgreSQL can report a duplicate catalog row when two sessions create the same table concurrently.
    await client.$executeRawUnsafe(statement).catch(() => {
      throw error;
    });
  }
}

/** Selecting the column from no rows fails exactly when it does not exist, with the same SQL everywhere. */
async function hasColumn(client: SqlExecutor, table: string, column: string): Promise<boolean> {
  try {
    await client.$queryRawUnsafe(`SELECT ${column} FROM ${table} WHERE 1 = 0`);
    return true;
  } catch {
    return false;
  }
}
