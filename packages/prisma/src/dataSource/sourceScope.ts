/**
 * What the data source's reads and writes share: the schema, the options, and the client they run on, which is
 * either the user's PrismaClient or, inside `DataSource.transaction`, the open interactive transaction.
 */
import type { DatabaseProvider, ModelMeta, SchemaMeta, SearchMode, StoredRow } from "@atrium/core";
import { buildSelect, shapeRow } from "./buildSelect.js";
import { isWriteConflict } from "./mapPrismaError.js";
import { type Args, getDelegate, type QueryClient, type TransactionalClient } from "./prismaClient.js";
import { attachReferences } from "./relationLabels.js";

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
  transaction<T>(
    work: (tx: QueryClient) => Promise<T>,
    options?: { rerun?: boolean; timeoutMs?: number },
  ): Promise<T>;
  /** The select of a list or detail row of `model` (cached); to-many counts are read apart (relationCounts.ts). */
  selectOf(model: ModelMeta): Args;
  /** A row's own columns only; relationLabels.ts adds the to-one labels of a page of them. */
  columnsOf(model: ModelMeta): Args;
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

/**
 * How long a write waits for a pooled connection, and may then run. Prisma's defaults (2 s, 5 s) turned a burst
 * of 50 writes to one record on a 10-connection pool into failures on a busy machine; past these the write
 * answers 503 (busy, nothing saved), and each statement keeps its own limit (statementTimeoutMs).
 */
const transactionTimes = { maxWait: 10_000, timeout: 15_000 };

/** The scope over the user's client: each write opens its own transaction. */
export function rootScope(settings: ScopeSettings, client: TransactionalClient): SourceScope {
  const selects = new Map<string, Args>();
  const cached = (key: string, build: () => Args): Args => {
    let select = selects.get(key);
    if (!select) {
      select = build();
      selects.set(key, select);
    }
    return select;
  };
  const selectOf = (model: ModelMeta) => cached(model.name, () => buildSelect(settings.schema, model));
  const columnsOf = (model: ModelMeta) =>
    cached(`${model.name}.columns`, () => buildSelect(settings.schema, model, { references: false }));
  return {
    ...settings,
    client,
    inTransaction: false,
    async transaction<T>(
      work: (tx: QueryClient) => Promise<T>,
      options?: { rerun?: boolean; timeoutMs?: number },
    ): Promise<T> {
      const begin = client.$transaction as unknown as (
        run: (tx: QueryClient) => Promise<T>,
        options: { maxWait: number; timeout: number },
      ) => Promise<T>;
      for (let attempt = 0; ; attempt++) {
        try {
          const times = options?.timeoutMs
            ? { ...transactionTimes, timeout: Math.max(transactionTimes.timeout, options.timeoutMs) }
            : transactionTimes;
          return await begin.call(client, work, times);
        } catch (error) {
          // The database rolled the victim back whole: running it again starts from the committed state.
          if (!options?.rerun || attempt >= deadlockReruns || !isWriteConflict(error)) {
            throw error;
          }
        }
      }
    },
    selectOf,
    columnsOf,
    async readRow(tx, model, where) {
      const row = await getDelegate(tx, model).findUnique({ where, select: columnsOf(model) });
      if (!row) return null;
      await attachReferences(tx, settings.schema, model, [row]);
      return shapeRow(settings.schema, model, row);
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
