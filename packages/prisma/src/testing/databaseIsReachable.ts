import type { DatabaseProvider } from "@atrium/core";
import { adminQuery } from "./adminQuery.js";

/**
 * Whether the local server for `provider` answers (SQLite always does). Suites on a server skip, and say so,
 * when it does not, so the unit tests still run on a machine without one.
 */
export async function databaseIsReachable(provider: DatabaseProvider): Promise<boolean> {
  if (provider === "sqlite") return true;
  try {
    await adminQuery(provider, "SELECT 1", { connectTimeoutMs: 2000 });
    return true;
  } catch {
    return false;
  }
}

/** Which of `providers` answer, asked all at once: what a suite over several databases skips by. */
export async function reachableProviders(
  providers: readonly DatabaseProvider[],
): Promise<Partial<Record<DatabaseProvider, boolean>>> {
  return Object.fromEntries(
    await Promise.all(providers.map(async (provider) => [provider, await databaseIsReachable(provider)])),
  );
}
