/**
 * What the data source's reads and writes share: the schema, the options, and the client they run on, which is
 * either the user's PrismaClient or, inside `DataSource.transaction`, the open interactive transaction.
 */
import type { DatabaseProvider, ModelMeta, SchemaMeta, SearchMode, StoredRow } from "@atrium/core";
import { buildSelect, shapeRow } from "./buildSelect.js";
import { isWriteConflict } from "./mapPrismaError.js";
import { type Args, getDelegate, type QueryClient, type TransactionalClient } from "./prismaClient.js";

export interface SourceScope {
  schema: SchemaMeta;
  provider: DatabaseProvider;
  maxExactCount: number;
  /** See PrismaDataSourceOptions.countBudgetMs. */
  countBudgetMs: number;
  /** See PrismaDataSourceOptions.unindexedSortLimit. */
  unindexedSortLimit: number;
  /** See PrismaDataSourceOptions.searchMode. */
  searchMode: SearchMode;
  maxCascadeRows: number;
  warn: (message: string, error: unknown) => void;
  /** Where queries run: the root client, or the transaction this scope is bound to. */
  client: QueryClient;
  /**
   * Whether `client` is a transaction that an error would leave aborted (PostgreSQL): then a failed write is
   * explained without further queries.
   */
  inTransaction: boolean;
  /**
   * One transaction, at the database's default isolation: writes lock what they read first (lockRows.ts).
   * `rerun`: the work is the data source's own and may run again when the database chose it as the victim of a
   * deadlock (mapPrismaError.ts isWriteConflict), rather than failing a write that nothing was wrong with.
   */
  transaction<T>(work: (tx: QueryClient) => Promise<T>, options?: { rerun?: boolean }): Promise<T>;
  /** The select of a list or detail row of `model` (cached); to-many counts are read apart (relationCounts.ts). */
  selectOf(model: ModelMeta): Args;
  /** One row with `selectOf`, without its to-many counts (relationCounts.ts). */
  readRow(tx: QueryClient, model: ModelMeta, where: Args): Promise<StoredRow | null>;
}

/** How many times a write runs again after losing a deadlock before its error is answered. */
const deadlockReruns = 3;

export interface ScopeSettings {
  schema: SchemaMeta;
  provider: DatabaseProvider;
  maxExactCount: number;
  /** See PrismaDataSourceOptions.countBudgetMs. */
  countBudgetMs: number;
  /** See PrismaDataSourceOptions.unindexedSortLimit. */
  unindexedSortLimit: number;
  /** See PrismaDataSourceOptions.searchMode. */
  searchMode: SearchMode;
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
    async transaction<T>(work: (tx: QueryClient) => Promise<T>, options?: { rerun?: boolean }): Promise<T> {
      const begin = client.$transaction as unknown as (run: (tx: QueryClient) => Promise<T>) => Promise<T>;
      for (let attempt = 0; ; attempt++) {
        try {
          return await begin.call(client, work);
        } catch (error) {
          // The database rolled the victim back whole: running it again starts from the committed state.
          if (!options?.rerun || attempt >= deadlockReruns || !isWriteConflict(error)) {
            throw error;
          }
        }
      }
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
    transaction: (work) => work(tx),
  };
}
