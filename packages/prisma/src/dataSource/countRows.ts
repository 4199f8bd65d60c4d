/**
 * Bounded counting: an exact COUNT(*) of a big table costs a hundred times a page (see ENVIRONMENT.md), so we
 * count at most `maxExactCount + 1` rows and call anything beyond an estimate. A filtered count is bounded by
 * time too, on PostgreSQL and MariaDB (countWithinBudget.ts says how, and why not on SQLite and MySQL): a filter
 * no index serves may read the whole table before it finds that many rows, so past `budgetMs` the count gives
 * up and the list says "many" (total null) instead of waiting or failing.
 */
import type { CountResult, DatabaseProvider, ModelMeta } from "@atrium/core";
import { countWithinBudget } from "./countWithinBudget.js";
import { idSelect } from "./idWhere.js";
import { getDelegate, type QueryClient } from "./prismaClient.js";
import { estimateTableRows } from "./tableEstimate.js";

export interface CountRowsInput {
  client: QueryClient;
  model: ModelMeta;
  where: Record<string, unknown>;
  maxExactCount: number;
  provider: DatabaseProvider;
  /** Milliseconds a filtered count may run on PostgreSQL and MariaDB before the list says "many"; 0: no limit. */
  budgetMs?: number;
}

export async function countRows(input: CountRowsInput): Promise<CountResult> {
  const { maxExactCount, where } = input;
  const counted = await boundedCount(input);
  if (counted === undefined) return { total: null, isEstimate: true };
  if (counted <= maxExactCount) return { total: counted, isEstimate: false };
  const unfiltered = Object.keys(where).length === 0;
  const estimate = unfiltered ? await estimateRows(input) : undefined;
  return { total: Math.max(estimate ?? 0, maxExactCount), isEstimate: true };
}

/** The bounded count, or undefined when it ran past its time budget. */
function boundedCount(input: CountRowsInput): Promise<number | undefined> {
  const { model, where, maxExactCount } = input;
  // An unfiltered count stops at its bound: always fast, never limited by time.
  const filtered = Object.keys(where).length > 0;
  const plain = input.provider === "sqlite" || input.provider === "postgresql";
  if (!filtered && plain && input.client.$queryRawUnsafe) return countWholeTable(input);
  return countWithinBudget({
    client: input.client,
    provider: input.provider,
    budgetMs: filtered ? (input.budgetMs ?? 0) : 0,
    count: (client) =>
      input.provider === "sqlite" && filtered
        ? countPastProbe(client, model, where, maxExactCount)
        : getDelegate(client, model).count({ where, take: maxExactCount + 1, ...pinnedOrder(model, where) }),
  });
}

/**
 * An order for a bounded count that costs nothing: a column the filter pins to one value. Prisma orders the
 * rows of a bounded count by the primary key unless told otherwise, and the count of the first N rows does
 * not depend on their order; but PostgreSQL then sorts every matching row (or walks the key's index) to keep
 * the first N: a list filtered by status at a million orders counted in 100 ms where the same count without
 * the order takes 30. Ordered by the pinned column, the planner sees a constant and drops the order.
 */
function pinnedOrder(model: ModelMeta, where: Record<string, unknown>): { orderBy?: Record<string, "asc"> } {
  const parts = Array.isArray(where.AND) ? (where.AND as unknown[]) : [where];
  for (const part of parts) {
    if (typeof part !== "object" || part === null) continue;
    const entries = Object.entries(part);
    const [name, condition] = entries[0] ?? [];
    if (entries.length !== 1 || name === undefined) continue;
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field || field.kind === "relation" || field.isList || field.type === "Json") continue;
    const equals =
      typeof condition === "object" && condition !== null
        ? (condition as { equals?: unknown }).equals
        : undefined;
    if (equals !== undefined && equals !== null) return { orderBy: { [name]: "asc" } };
  }
  return {};
}

/**
 * SQLite's filtered count, as two statements that each stay on the filter's index. Prisma bounds a count by
 * ordering its rows by the primary key (`ORDER BY id LIMIT 100001`), and SQLite, seeing the bound as an
 * integer, then prefers walking the whole table in key order to sorting what the index finds: a prefix search
 * of one order among ten million took two seconds (bench/scale). So: is there a row past the bound? If so,
 * "more than" the bound; if not, the count has no bound to order by, and reads only the matching rows.
 */
async function countPastProbe(
  client: QueryClient,
  model: ModelMeta,
  where: Record<string, unknown>,
  maxExactCount: number,
): Promise<number> {
  const delegate = getDelegate(client, model);
  const [beyond] = await delegate.findMany({
    where,
    select: idSelect(model),
    skip: maxExactCount,
    take: 1,
  });
  return beyond ? maxExactCount + 1 : delegate.count({ where });
}

/**
 * A whole table counted up to the bound without an order: SQLite then walks its smallest covering index and
 * PostgreSQL the first pages of the heap, where Prisma's bounded count orders by the primary key (half the time
 * at a million rows on SQLite, measured in bench/scale). Qualified the way Prisma qualifies its own queries:
 * `main` on SQLite, the model's schema or `public` on PostgreSQL.
 */
async function countWholeTable(input: CountRowsInput): Promise<number> {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const table = quote(input.model.dbName ?? input.model.name);
  const owner = input.provider === "sqlite" ? "main" : quote(input.model.dbSchema ?? "public");
  const bound = input.provider === "sqlite" ? "?" : "$1";
  const rows = (await input.client.$queryRawUnsafe?.(
    `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${owner}.${table} LIMIT ${bound}) AS bounded`,
    input.maxExactCount + 1,
  )) as { n: bigint | number }[];
  return Number(rows[0]?.n ?? 0);
}

/** The planner's row estimate, free to read; SQLite's (the largest rowid) is not worth showing as a total. */
async function estimateRows(input: CountRowsInput): Promise<number | undefined> {
  if (input.provider === "sqlite") return undefined;
  return estimateTableRows(input.client, input.provider, input.model);
}
