import type { DatabaseProvider } from "@atrium/core";
import type { SqlExecutor } from "./sqlRunner.js";
import { systemTablesSql } from "./systemTablesSql.js";

/**
 * Creates Atrium's own tables when missing; run at start-up. Safe when several servers start at once: every
 * statement is IF NOT EXISTS, and a server that loses a creation race to another retries once and finds the
 * table there.
 */
export async function ensureSystemTables(client: SqlExecutor, provider: DatabaseProvider): Promise<void> {
  for (const statement of systemTablesSql(provider)) {
    try {
      await client.$executeRawUnsafe(statement);
    } catch (error) {
      // PostgreSQL can report a duplicate catalog row when two sessions create the same table concurrently.
      await client.$executeRawUnsafe(statement).catch(() => {
        throw error;
      });
    }
  }
}
