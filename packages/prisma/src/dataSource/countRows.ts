/**
 * Bounded counting: an exact COUNT(*) of a big table costs a hundred times a page (see ENVIRONMENT.md), so we
 * count at most `maxExactCount + 1` rows and call anything beyond an estimate. A filtered count is bounded by
 * time too on PostgreSQL: a filter no index serves may read the whole table before it finds that many rows,
 * so past `budgetMs` the count gives up and the list says "many" (total null) instead of waiting or failing.
 */
import {
  type CountResult,
  type DatabaseProvider,
  databaseUnavailability,
  type ModelMeta,
} from "@atrium/core";
import { getDelegate, type QueryClient, type TransactionalClient } from "./prismaClient.js";
import { estimateTableRows } from "./tableEstimate.js";

export interface CountRowsInput {
  client: QueryClient;
  model: ModelMeta;
  where: Record<string, unknown>;
  maxExactCount: number;
  provider: DatabaseProvider;
  /** Milliseconds a filtered count may run on PostgreSQL before the list says "many"; 0: no limit. */
  budgetMs?: number;
}

export async function countRows(input: CountRowsInput): Promise<CountResult> {
  const { maxExactCount, where } = input;
  const counted = await countWithinBudget(input);
  if (counted === undefined) return { total: null, isEstimate: true };
  if (counted <= maxExactCount) return { total: counted, isEstimate: false };
  const unfiltered = Object.keys(where).length === 0;
  const estimate = unfiltered ? await estimateRows(input) : undefined;
  return { total: Math.max(estimate ?? 0, maxExactCount), isEstimate: true };
}

/** The bounded count, or undefined when it ran past its time budget. */
async function countWithinBudget(input: CountRowsInput): Promise<number | undefined> {
  const { model, where, maxExactCount } = input;
  const count = (client: QueryClient) => getDelegate(client, model).count({ where, take: maxExactCount + 1 });
  const client = input.client as Partial<TransactionalClient> & QueryClient;
  const budget = Math.round(input.budgetMs ?? 0);
  // An unfiltered count walks the primary key's index and stops at its bound: always fast. Inside a caller's
  // transaction the count joins it, unbounded, rather than opening one of its own.
  const bounded = budget > 0 && input.provider === "postgresql" && Object.keys(where).length > 0;
  if (!bounded || typeof client.$transaction !== "function") return count(client);
  try {
    return await client.$transaction(async (tx) => {
      // SET LOCAL ends with the transaction, so the connection goes back to the pool with its own limit.
      await (tx as { $executeRawUnsafe(sql: string): Promise<unknown> }).$executeRawUnsafe(
        `SET LOCAL statement_timeout = ${budget}`,
      );
      return count(tx);
    });
  } catch (error) {
    if (databaseUnavailability(error) === "timed_out") return undefined;
    throw error;
  }
}

/** The planner's row estimate, free to read; SQLite's (the largest rowid) is not worth showing as a total. */
async function estimateRows(input: CountRowsInput): Promise<number | undefined> {
  if (input.provider === "sqlite") return undefined;
  return estimateTableRows(input.client, input.provider, input.model);
}
