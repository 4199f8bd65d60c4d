/**
 * The write lock a write takes as the first statement of its transaction, before it reads what it is about to
 * change: the `$version` it checks, the old values it records, what a delete takes with it. Whoever holds the
 * lock reads the record as the previous writer committed it, and nobody else can change it before the commit, so
 * the check and the write are one step (no lost update) at the database's default isolation, without the
 * serialization failures a stricter level answers concurrent writers with.
 *
 * PostgreSQL and MySQL/MariaDB lock the records' rows (`SELECT ... FOR UPDATE`; PostgreSQL's `FOR NO KEY UPDATE`
 * for an update, which is what the UPDATE itself takes and so still lets other transactions insert rows that
 * refer to the record). SQLite has no row locks: its transactions begin deferred, as readers, so two of them
 * could read the same state before either writes. A write statement that changes nothing (`WHERE 0`) makes the
 * transaction the database's one writer before it reads; another connection's writer waits for it (busy
 * timeout). Within one process the driver adapter runs one transaction at a time anyway.
 */
import type { DatabaseProvider, IdValues, ModelMeta } from "@atrium/core";
import { idMatch } from "./idWhere.js";
import type { QueryClient } from "./prismaClient.js";

/** What the lock is for: an update keeps the key, so PostgreSQL's weaker row lock is enough for it. */
export type LockPurpose = "update" | "delete";

export interface LockStatement {
  sql: string;
  values: unknown[];
  /** Whether the statement returns the locked rows (row locks) or only takes the database's write lock. */
  returnsRows: boolean;
}

/**
 * Locks the records `ids` of `model` in the transaction `tx`; resolves how many rows it locked (null on SQLite,
 * whose lock is the whole database's). Rows are locked in key order, so two writes of overlapping sets of
 * records wait for each other instead of deadlocking.
 */
export async function lockRows(
  tx: QueryClient,
  provider: DatabaseProvider,
  model: ModelMeta,
  ids: IdValues[],
  purpose: LockPurpose,
): Promise<number | null> {
  if (ids.length === 0) return 0;
  const statement = lockStatement(provider, model, ids, purpose);
  if (!statement.returnsRows) {
    if (!tx.$executeRawUnsafe) throw new Error("Atrium needs a Prisma client with $executeRawUnsafe");
    await tx.$executeRawUnsafe(statement.sql, ...statement.values);
    return null;
  }
  if (!tx.$queryRawUnsafe) throw new Error("Atrium needs a Prisma client with $queryRawUnsafe");
  const rows = await tx.$queryRawUnsafe(statement.sql, ...statement.values);
  return Array.isArray(rows) ? rows.length : 0;
}

export function lockStatement(
  provider: DatabaseProvider,
  model: ModelMeta,
  ids: IdValues[],
  purpose: LockPurpose,
): LockStatement {
  const quote = provider === "mysql" ? quoteMysql : quoteStandard;
  const table = [model.dbSchema, model.dbName ?? model.name]
    .filter((part): part is string => part !== undefined)
    .map(quote)
    .join(".");
  const columns = model.idFields.map((name) => {
    const field = model.fields.find((candidate) => candidate.name === name);
    return quote(field?.dbName ?? name);
  });
  if (provider === "sqlite") {
    const [column = ""] = columns;
    return { sql: `UPDATE ${table} SET ${column} = ${column} WHERE 0`, values: [], returnsRows: false };
  }
  const values: unknown[] = [];
  const placeholder = (value: unknown) => {
    values.push(value);
    return provider === "postgresql" ? `$${values.length}` : "?";
  };
  // One list of placeholders per record, in the order of the key's columns.
  const keys = ids.map((id) => {
    const value = idMatch(model, id);
    return model.idFields.map((name) => placeholder(value[name]));
  });
  const where =
    columns.length === 1
      ? `${columns[0]} IN (${keys.map((key) => key[0]).join(", ")})`
      : keys
          .map((key) => `(${key.map((marker, index) => `${columns[index]} = ${marker}`).join(" AND ")})`)
          .join(" OR ");
  const lock = provider === "postgresql" && purpose === "update" ? "FOR NO KEY UPDATE" : "FOR UPDATE";
  return {
    sql: `SELECT 1 FROM ${table} WHERE ${where} ORDER BY ${columns.join(", ")} ${lock}`,
    values,
    returnsRows: true,
  };
}

/** PostgreSQL and SQLite quote names in double quotes, doubling any inside. */
function quoteStandard(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteMysql(name: string): string {
  return `\`${name.replaceAll("`", "``")}\``;
}
