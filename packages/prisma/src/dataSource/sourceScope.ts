/**
 * What the data source's reads and writes share: the schema, the options, and the client they run on, which is
 * either the user's PrismaClient or, inside `DataSource.transaction`, the open interactive transaction.
 */
import type { DatabaseProvider, ModelMeta, SchemaMeta, StoredRow } from "@atrium/core";
import { buildSelect, shapeRow } from "./buildSelect.js";
import { type Args, getDelegate, type QueryClient, type TransactionalClient } from "./prismaClient.js";

export interface SourceScope {
  schema: SchemaMeta;
  provider: DatabaseProvider;
  maxExactCount: number;
  maxCascadeRows: number;
  warn: (message: string, error: unknown) => void;
  /** Where queries run: the root client, or the transaction this scope is bound to. */
  client: QueryClient;
  /**
   * Whether `client` is a transaction that an error would leave aborted (PostgreSQL): then a failed write is
   * explained without further queries.
   */
  inTransaction: boolean;
  /** One transaction for a write; `tracked` when it reads the record first (see strictIsolation). */
  transaction<T>(tracked: boolean, work: (tx: QueryClient) => Promise<T>): Promise<T>;
  /** The select of a list or detail row of `model` (cached); to-many counts are read apart (relationCounts.ts). */
  selectOf(model: ModelMeta): Args;
  /** One row with `selectOf`, without its to-many counts (relationCounts.ts). */
  readRow(tx: QueryClient, model: ModelMeta, where: Args): Promise<StoredRow | null>;
}

/**
 * Isolation for writes that read the record first (version check, audit's old values). Read committed would
 * let two such writes both read the same old state and the second overwrite the first unseen; repeatable read
 * on PostgreSQL (and serializable on MySQL, whose repeatable read still updates over a newer row) makes the
 * second fail instead (P2034), answered as a conflict. SQLite serialises writers anyway.
 */
export const strictIsolation: Partial<Record<DatabaseProvider, string>> = {
  postgresql: "RepeatableRead",
  mysql: "Serializable",
};

export interface ScopeSettings {
  schema: SchemaMeta;
  provider: DatabaseProvider;
  maxExactCount: number;
  maxCascadeRows: number;
  warn: (message: string, error: unknown) => void;
}

/** The scope over the user's client: each write opens its own transaction. */
export function rootScope(settings: ScopeSettings, client: TransactionalClient): SourceScope {
  const selects = new Map<string, Args>();
  const selectOf = (model: ModelMeta): Args => {
    let select = selects.get(model.name);
    if (!select) {
      select = buildSelect(settings.schema, model);
      selects.set(model.name, select);
    }
    return select;
  };
  return {
    ...settings,
    client,
    inTransaction: false,
    transaction<T>(tracked: boolean, work: (tx: QueryClient) => Promise<T>): Promise<T> {
      const isolationLevel = tracked ? strictIsolation[settings.provider] : undefined;
      const begin = client.$transaction as unknown as (
        run: (tx: QueryClient) => Promise<T>,
        options?: { isolationLevel: string },
      ) => Promise<T>;
      return isolationLevel ? begin.call(client, work, { isolationLevel }) : begin.call(client, work);
    },
    selectOf,
    async readRow(tx, model, where) {
      const row = await getDelegate(tx, model).findUnique({ where, select: selectOf(model) });
      return row ? shapeRow(settings.schema, model, row) : null;
    },
  };
}

/** The same scope bound to an open transaction: writes join it instead of opening their own. */
export function transactionScope(root: SourceScope, tx: QueryClient): SourceScope {
  return {
    ...root,
    client: tx,
    inTransaction: true,
    transaction: (_tracked, work) => work(tx),
  };
}
