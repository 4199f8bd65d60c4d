/**
 * Parameterised raw SQL over a Prisma client or interactive-transaction client. Statements are written with `?`
 * placeholders; PostgreSQL's `$1, $2...` are produced here. Values always travel as parameters.
 */
import type { DatabaseProvider } from "@atrium/core";

/** What both a Prisma client and the `tx` of `$transaction(async (tx) => ...)` have. */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe(query: string, ...values: unknown[]): Promise<unknown>;
}

export interface SqlRunner {
  readonly provider: DatabaseProvider;
  execute(sql: string, ...values: unknown[]): Promise<number>;
  query<Row extends Record<string, unknown>>(sql: string, ...values: unknown[]): Promise<Row[]>;
}

export function createSqlRunner(executor: SqlExecutor, provider: DatabaseProvider): SqlRunner {
  const dialect = (sql: string) => {
    if (provider !== "postgresql") return sql;
    let index = 0;
    return sql.replace(/\?/g, () => `$${++index}`);
  };
  return {
    provider,
    execute: (sql, ...values) => executor.$executeRawUnsafe(dialect(sql), ...values.map(toParameter)),
    query: async <Row extends Record<string, unknown>>(sql: string, ...values: unknown[]) =>
      (await executor.$queryRawUnsafe(dialect(sql), ...values.map(toParameter))) as Row[],
  };
}

/** Dates travel as epoch milliseconds (BIGINT columns), which every database and driver agree on. */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Drivers return BIGINT as bigint, number or string depending on the database and the value. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint" || typeof value === "string") return Number(value);
  throw new Error(`Expected a number from the database, got ${typeof value}`);
}

export function toDate(value: unknown): Date {
  return new Date(toNumber(value));
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

export function toBoolean(value: unknown): boolean {
  return toNumber(value) !== 0;
}
