/**
 * A count bounded by time: a filter no index serves may read the whole table before it finds enough rows, so a
 * filtered count gets a time limit of its own, shorter than the statement limit every query has. The limit is
 * put on one connection, inside a transaction, and taken off before the connection goes back to the pool:
 * - PostgreSQL: `SET LOCAL statement_timeout`, which ends with the transaction.
 * - MariaDB: the session's `max_statement_time` (it has no transaction-local one), kept in a user variable
 *   and put back after the count, whether the count finished or was stopped.
 * - MySQL proper and SQLite: no time bound. MySQL's `max_execution_time` has another name the MariaDB-only
 *   comment below skips; better-sqlite3 cannot interrupt a statement. Their counts stay bounded by rows only.
 */
import { type DatabaseProvider, databaseUnavailability } from "@atrium/core";
import type { QueryClient, TransactionalClient } from "./prismaClient.js";

export interface CountWithinBudgetInput {
  client: QueryClient;
  provider: DatabaseProvider;
  /** Milliseconds the count may run; 0: no limit. */
  budgetMs: number;
  /** The count itself, run on the client it is given (the transaction's, when bounded). */
  count: (client: QueryClient) => Promise<number>;
}

/** The count, or undefined when it ran past its time budget. */
export async function countWithinBudget(input: CountWithinBudgetInput): Promise<number | undefined> {
  const { count, provider } = input;
  const client = input.client as Partial<TransactionalClient> & QueryClient;
  const limit = timeLimit(provider, Math.round(input.budgetMs));
  // Inside a caller's transaction (no $transaction of its own) the count joins it, unbounded, rather than
  // opening one of its own.
  if (!limit || typeof client.$transaction !== "function") return count(client);
  try {
    return await client.$transaction(async (tx) => {
      await execute(tx, limit.set);
      try {
        return await count(tx);
      } finally {
        if (limit.restore) await execute(tx, limit.restore);
      }
    });
  } catch (error) {
    if (databaseUnavailability(error) === "timed_out") return undefined;
    throw error;
  }
}

/** The statements that put a limit on the transaction's connection and, when it outlives it, take it off. */
function timeLimit(
  provider: DatabaseProvider,
  budgetMs: number,
): { set: string; restore?: string } | undefined {
  if (budgetMs <= 0) return undefined;
  switch (provider) {
    case "postgresql":
      return { set: `SET LOCAL statement_timeout = ${budgetMs}` };
    case "mysql": {
      // In a MariaDB-only comment (`/*M!...*\/`), as createAdapter's: MySQL runs the assignments before it (a
      // user variable set to itself or NULL) and nothing else. A SET's assignments run left to right, so the
      // session's own limit is read before the budget replaces it, and put back before the variable is cleared.
      const seconds = (budgetMs / 1000).toFixed(3);
      return {
        set: `SET @atrium_statement_time = NULL/*M!100108, @atrium_statement_time = @@session.max_statement_time, @@session.max_statement_time = ${seconds}*/`,
        restore:
          "SET @atrium_statement_time = @atrium_statement_time/*M!100108, @@session.max_statement_time = @atrium_statement_time, @atrium_statement_time = NULL*/",
      };
    }
    case "sqlite":
      return undefined;
    default: {
      const unknown: never = provider;
      throw new Error(`Unknown provider ${String(unknown)}`);
    }
  }
}

async function execute(client: QueryClient, sql: string): Promise<void> {
  if (!client.$executeRawUnsafe) throw new Error("The Prisma client cannot run raw SQL ($executeRawUnsafe)");
  await client.$executeRawUnsafe(sql);
}
