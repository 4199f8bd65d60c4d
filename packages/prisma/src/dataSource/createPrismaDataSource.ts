/** The DataSource over a user's Prisma Client (Prisma 7, any generated client, any driver adapter). */
import {
  AtriumError,
  type DatabaseProvider,
  type DataSource,
  type SchemaMeta,
  type SearchMode,
} from "@atrium/core";
import { readSets } from "./auditWrites.js";
import { findModel, referenceSelect, shapeReference } from "./buildSelect.js";
import { searchWhere } from "./buildWhere.js";
import { bulkWrites } from "./bulkWrites.js";
import { chooseSearchMatch } from "./chooseSearchMatch.js";
import { countRows } from "./countRows.js";
import { databaseFailure } from "./databaseFailure.js";
import { buildDeletePreview } from "./deletePreview.js";
import { notFound } from "./explainWriteError.js";
import { idMatch, uniqueWhere } from "./idWhere.js";
import { labelOrderBy } from "./labelOrderBy.js";
import { listRecords } from "./listRecords.js";
import { mapPrismaError } from "./mapPrismaError.js";
import { getDelegate, type PrismaClientLike, type TransactionalClient } from "./prismaClient.js";
import { recordWrites } from "./recordWrites.js";
import { addRelationCounts } from "./relationCounts.js";
import { rootScope, type SourceScope, transactionScope } from "./sourceScope.js";

export interface PrismaDataSourceOptions {
  /** The user's PrismaClient instance, built with its driver adapter. */
  client: PrismaClientLike;
  /** Metadata read from the same schema the client was generated from. */
  schema: SchemaMeta;
  /** @default schema.provider */
  provider?: DatabaseProvider;
  /** Row counts above this are reported as estimates instead of counted. @default 100_000 */
  maxExactCount?: number;
  /**
   * Milliseconds a list's filtered count may run on PostgreSQL and MariaDB before the list says "many" (total
   * null) rather than wait; 0: no limit. SQLite and MySQL cannot bound it (countWithinBudget.ts). @default 1000
   */
  countBudgetMs?: number;
  /**
   * Lists with more rows than this (filters included) accept only sorts an index serves: the first sort field
   * leads the primary key, a unique or an @@index (indexedSort.ts). Any other sort would read and sort every
   * matching row for each page; it is refused with a message naming the index to add. 0: no limit.
   * @default 100_000
   */
  unindexedSortLimit?: number;
  /**
   * How `q` matches the search fields: `contains` (anywhere in the field), `prefix` (at its start: an index on
   * the field can serve it, docs/api.md says which per database), or `auto`: `prefix` on tables bigger than
   * `unindexedSortLimit` whose search fields all have such an index (and no trigram index serving `contains`),
   * `contains` elsewhere. Look-ups match the same way.
   * @default "auto"
   */
  searchMode?: SearchMode;
  /**
   * Most records an audited delete may take with it or change (Cascade, SetNull); each is recorded in the
   * history, so a bigger delete is refused (409) rather than left half-recorded. @default 10_000
   */
  maxCascadeRows?: number;
  /** Receives errors that mean Atrium built a query Prisma rejects. @default console.warn */
  warn?: (message: string, error: unknown) => void;
}

export function createPrismaDataSource(options: PrismaDataSourceOptions): DataSource {
  // Generated clients differ per schema; past this point they are used generically, by model name.
  const client = options.client as unknown as TransactionalClient;
  const scope = rootScope(
    {
      schema: options.schema,
      provider: options.provider ?? options.schema.provider,
      maxExactCount: options.maxExactCount ?? 100_000,
      countBudgetMs: options.countBudgetMs ?? 1000,
      unindexedSortLimit: options.unindexedSortLimit ?? 100_000,
      searchMode: options.searchMode ?? "auto",
      maxCascadeRows: options.maxCascadeRows ?? 10_000,
      warn: options.warn ?? ((message, error) => console.warn(message, error)),
    },
    client,
  );
  return bind(scope, async () => {
    await client.$disconnect();
  });
}

/** The DataSource over one scope: the root client, or the transaction `transaction(work)` opened. */
function bind(scope: SourceScope, close: () => Promise<void>): DataSource {
  const { schema, provider, maxExactCount } = scope;
  const explain = (error: unknown, model: Parameters<DataSource["get"]>[0]): never => {
    throw (
      mapPrismaError(error, { schema, model, warn: scope.warn, operation: "read" }) ??
      databaseFailure(error, "read", model) ??
      error
    );
  };

  return {
    provider,
    ...recordWrites(scope),
    ...bulkWrites(scope),

    async list(model, query) {
      try {
        return await listRecords(scope, model, query);
      } catch (error) {
        return explain(error, model);
      }
    },

    async get(model, id) {
      try {
        const row = await scope.readRow(scope.client, model, uniqueWhere(model, id));
        if (row) await addRelationCounts(scope.client, scope, model, [row]);
        return row;
      } catch (error) {
        return explain(error, model);
      }
    },

    async deletePreview(model, id, options) {
      const where = idMatch(model, id);
      try {
        if ((await getDelegate(scope.client, model).count({ where })) === 0) throw notFound(model);
        const labelSchema = options?.viewSchema ?? schema;
        return await buildDeletePreview({ client: scope.client, schema, model, where, labelSchema });
      } catch (error) {
        return explain(error, model);
      }
    },

    async lookup(model, search, limit, options) {
      const text = search?.trim();
      try {
        const match = text ? await chooseSearchMatch(scope, model) : "contains";
        const where = text ? (searchWhere(model, text, provider, schema, match) ?? {}) : {};
        const rows = await getDelegate(scope.client, model).findMany({
          where,
          orderBy: labelOrderBy(
            options?.viewSchema ?? schema,
            (options?.viewSchema && findModel(options.viewSchema, model.name)) || model,
          ),
          take: Math.max(1, Math.floor(limit)),
          select: referenceSelect(model, schema),
        });
        return rows.map((row) => shapeReference(model, row, schema));
      } catch (error) {
        return explain(error, model);
      }
    },

    async relatedIds(model, id, field) {
      const meta = model.fields.find((candidate) => candidate.name === field);
      if (!meta?.relation?.isManyToMany) {
        throw new AtriumError("bad_request", `${model.label} has no many-to-many field "${field}"`, {
          fields: { [field]: "Not a many-to-many field" },
        });
      }
      try {
        return (await readSets(scope, scope.client, model, id, [meta]))?.[field] ?? null;
      } catch (error) {
        return explain(error, model);
      }
    },

    async transaction(work, options) {
      // Writes inside join this transaction and lock what they read first, as on their own. `work` is the
      // caller's, with effects of its own maybe: never rerun after a deadlock.
      return scope.transaction(
        (tx) =>
          work(
            bind(transactionScope(scope, tx), async () => {
              throw new Error("Close the data source, not the one a transaction handed to its work");
            }),
          ),
        options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {},
      );
    },

    async count(model) {
      try {
        return await countRows({ client: scope.client, model, where: {}, maxExactCount, provider });
      } catch (error) {
        return explain(error, model);
      }
    },

    close,
  };
}
