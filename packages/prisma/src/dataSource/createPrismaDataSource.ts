/** The DataSource over a user's Prisma Client (Prisma 7, any generated client, any driver adapter). */
import { AtriumError, type DatabaseProvider, type DataSource, type SchemaMeta } from "@atrium/core";
import { readSets } from "./auditWrites.js";
import { findModel, referenceSelect, shapeReference, shapeRow } from "./buildSelect.js";
import { buildWhere, searchWhere } from "./buildWhere.js";
import { bulkWrites } from "./bulkWrites.js";
import { countRows } from "./countRows.js";
import { databaseFailure } from "./databaseFailure.js";
import { buildDeletePreview } from "./deletePreview.js";
import { notFound } from "./explainWriteError.js";
import { idMatch, uniqueWhere } from "./idWhere.js";
import { readPage } from "./keysetPage.js";
import { labelOrderBy } from "./labelOrderBy.js";
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
  const { schema, provider, maxExactCount, countBudgetMs } = scope;
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
      const where = buildWhere({ schema, model, filters: query.filters, search: query.search, provider });
      try {
        const page = async () => {
          const read = await readPage({
            client: scope.client,
            schema,
            model,
            provider,
            query,
            where,
            select: scope.selectOf(model),
          });
          const shaped = read.rows.map((row) => shapeRow(schema, model, row));
          await addRelationCounts(scope.client, scope, model, shaped);
          return { ...read, rows: shaped };
        };
        const [read, counted] = await Promise.all([
          page(),
          countRows({ client: scope.client, model, where, maxExactCount, provider, budgetMs: countBudgetMs }),
        ]);
        return {
          rows: read.rows,
          total: counted.total,
          totalIsEstimate: counted.isEstimate,
          next: read.next,
          prev: read.prev,
        };
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
      const where = text ? (searchWhere(model, text, provider, schema) ?? {}) : {};
      try {
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

    async transaction(work) {
      // Writes inside join this transaction and lock what they read first, as on their own. `work` is the
      // caller's, with effects of its own maybe: never rerun after a deadlock.
      return scope.transaction((tx) =>
        work(
          bind(transactionScope(scope, tx), async () => {
            throw new Error("Close the data source, not the one a transaction handed to its work");
          }),
        ),
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
