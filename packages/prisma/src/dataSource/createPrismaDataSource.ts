/** The DataSource over a user's Prisma Client (Prisma 7, any generated client, any driver adapter). */
import {
  AtriumError,
  type AuditRecord,
  bulkVersionConflict,
  type DatabaseProvider,
  type DataSource,
  type DeletePreview,
  encodeRecordId,
  type FieldMeta,
  type IdValues,
  idValuesOf,
  type ModelMeta,
  modelInView,
  recordChanges,
  recordVersion,
  type SchemaMeta,
  type StoredRow,
  versionConflict,
  type WriteContext,
  type WriteData,
} from "@atrium/core";
import { buildOrderBy } from "./buildOrderBy.js";
import { buildSelect, findModel, referenceSelect, shapeReference, shapeRow } from "./buildSelect.js";
import { buildWhere, searchWhere } from "./buildWhere.js";
import { buildWriteData } from "./buildWriteData.js";
import { countRows } from "./countRows.js";
import { buildDeletePreview } from "./deletePreview.js";
import { findMissingReferences } from "./findMissingReferences.js";
import { anyIdMatch, idKey, idMatch, idOf, idSelect, uniqueWhere } from "./idWhere.js";
import { labelOrderBy } from "./labelOrderBy.js";
import { mapPrismaError, type PrismaErrorContext, prismaErrorCode } from "./mapPrismaError.js";
import {
  type Args,
  getDelegate,
  type PrismaClientLike,
  type QueryClient,
  type TransactionalClient,
} from "./prismaClient.js";

export interface PrismaDataSourceOptions {
  /** The user's PrismaClient instance, built with its driver adapter. */
  client: PrismaClientLike;
  /** Metadata read from the same schema the client was generated from. */
  schema: SchemaMeta;
  /** @default schema.provider */
  provider?: DatabaseProvider;
  /** Row counts above this are reported as estimates instead of counted. @default 100_000 */
  maxExactCount?: number;
  /** Receives errors that mean Atrium built a query Prisma rejects. @default console.warn */
  warn?: (message: string, error: unknown) => void;
}

/** Prisma codes that can mean "a record this write points at does not exist". */
const missingReferenceCodes = new Set(["P2003", "P2015", "P2018", "P2025"]);
/** Prisma codes of a delete refused by a foreign key. */
const restrictedDeleteCodes = new Set(["P2003", "P2014"]);
/** Prisma's code for a transaction that lost a write conflict (PostgreSQL 40001, MySQL deadlock). */
const writeConflictCode = "P2034";

/**
 * Isolation for writes that read the record first (version check, audit's old values). Read committed would
 * let two such writes both read the same old state and the second overwrite the first unseen; repeatable read
 * on PostgreSQL (and serializable on MySQL, whose repeatable read still updates over a newer row) makes the
 * second fail instead (P2034), answered as a conflict. SQLite serialises writers anyway.
 */
const strictIsolation: Partial<Record<DatabaseProvider, string>> = {
  postgresql: "RepeatableRead",
  mysql: "Serializable",
};

export function createPrismaDataSource(options: PrismaDataSourceOptions): DataSource {
  // Generated clients differ per schema; past this point they are used generically, by model name.
  const client = options.client as unknown as TransactionalClient;
  const { schema } = options;
  const provider = options.provider ?? schema.provider;
  const maxExactCount = options.maxExactCount ?? 100_000;
  const warn = options.warn ?? ((message, error) => console.warn(message, error));
  const selects = new Map<string, Args>();
  const selectOf = (model: ModelMeta): Args => {
    let select = selects.get(model.name);
    if (!select) {
      select = buildSelect(schema, model);
      selects.set(model.name, select);
    }
    return select;
  };
  /** One transaction for a write; `tracked` when it reads the record first (see strictIsolation). */
  const transaction = <T>(tracked: boolean, work: (tx: QueryClient) => Promise<T>): Promise<T> => {
    const isolationLevel = tracked ? strictIsolation[provider] : undefined;
    const begin = client.$transaction as unknown as (
      run: (tx: QueryClient) => Promise<T>,
      options?: { isolationLevel: string },
    ) => Promise<T>;
    return isolationLevel ? begin.call(client, work, { isolationLevel }) : begin.call(client, work);
  };
  const readRow = async (tx: QueryClient, model: ModelMeta, where: Args): Promise<StoredRow | null> => {
    const row = await getDelegate(tx, model).findUnique({ where, select: selectOf(model) });
    return row ? shapeRow(schema, model, row) : null;
  };
  /** The writer's view of the schema and model: versions and conflict rows cover only what they may see. */
  const viewOf = (model: ModelMeta, context: WriteContext | undefined) => {
    const viewSchema = context?.viewSchema ?? schema;
    return { viewSchema, viewModel: modelInView(model, viewSchema) };
  };
  /** Reads the record a write starts from, refusing a stale expectedVersion; null when nothing needs it. */
  const readBefore = async (tx: QueryClient, model: ModelMeta, id: IdValues, context?: WriteContext) => {
    if (!context?.audit && context?.expectedVersion === undefined) return null;
    const before = await readRow(tx, model, uniqueWhere(model, id));
    if (!before) throw notFound(model);
    const { viewSchema, viewModel } = viewOf(model, context);
    if (
      context.expectedVersion !== undefined &&
      recordVersion(viewModel, before) !== context.expectedVersion
    ) {
      throw versionConflict(viewSchema, viewModel, before);
    }
    return before;
  };
  /** The sorted `$id`s each of `fields` (implicit many-to-many) links the record to; null when it is gone. */
  const readSets = async (
    tx: QueryClient,
    model: ModelMeta,
    id: IdValues,
    fields: FieldMeta[],
  ): Promise<Record<string, string[]> | null> => {
    if (fields.length === 0) return {};
    const select: Args = {};
    for (const field of fields) select[field.name] = { select: idSelect(relatedOf(field)) };
    const row = await getDelegate(tx, model).findUnique({ where: uniqueWhere(model, id), select });
    if (!row) return null;
    const sets: Record<string, string[]> = {};
    for (const field of fields) {
      const related = relatedOf(field);
      const linked = (row[field.name] ?? []) as Args[];
      sets[field.name] = linked.map((raw) => encodeRecordId(related, idOf(related, raw))).sort();
    }
    return sets;
  };
  const relatedOf = (field: FieldMeta): ModelMeta => {
    const related = field.relation ? findModel(schema, field.relation.model) : undefined;
    if (!related) throw new Error(`Atrium: the related model of ${field.name} is not in the schema`);
    return related;
  };
  /** Sets only the audit reads: the m-n fields a write replaces, or all of them (`null`) for a snapshot. */
  const setFields = (model: ModelMeta, context: WriteContext | undefined, names: string[] | null) =>
    context?.audit
      ? model.fields.filter(
          (field) => field.relation?.isManyToMany && (names === null || names.includes(field.name)),
        )
      : [];
  const audit = async (
    tx: QueryClient,
    model: ModelMeta,
    context: WriteContext | undefined,
    action: AuditRecord["action"],
    before: StoredRow | null,
    after: StoredRow | null,
    sets: { old: Record<string, string[]> | null; new: Record<string, string[]> | null } = {
      old: null,
      new: null,
    },
  ) => {
    const row = after ?? before;
    if (!context?.audit || !row) return;
    const changes = recordChanges(model, before, after);
    // A delete keeps every set, empty ones too, as part of the snapshot a revert re-creates the record from.
    const snapshot = after === null;
    for (const name of new Set([...Object.keys(sets.old ?? {}), ...Object.keys(sets.new ?? {})])) {
      const old = sets.old?.[name] ?? [];
      const next = sets.new?.[name] ?? [];
      if (snapshot || old.join("\n") !== next.join("\n")) changes[name] = { old, new: next };
    }
    await context.audit.record(tx, {
      action,
      model: model.key,
      recordId: encodeRecordId(model, idValuesOf(model, row)),
      changes,
      actor: context.actor ?? null,
    });
  };
  /**
   * A tracked write that lost a race with another transaction: answered like a stale version, with the record
   * as the other write left it, so the user can review and retry.
   */
  const explainWriteConflict = async (
    error: unknown,
    model: ModelMeta,
    id: IdValues,
    context: WriteContext | undefined,
  ) => {
    if (prismaErrorCode(error) !== writeConflictCode) return;
    const current = await readRow(client, model, uniqueWhere(model, id)).catch(() => null);
    const { viewSchema, viewModel } = viewOf(model, context);
    if (current) throw versionConflict(viewSchema, viewModel, current);
    throw notFound(model);
  };

  const errorContext = (model: ModelMeta, operation: "read" | "write"): PrismaErrorContext => ({
    schema,
    model,
    warn,
    operation,
  });

  /**
   * Maps what Prisma threw; rethrows what it cannot explain so the server logs it as a 500. Deletes count as
   * reads: their only values are ids.
   */
  const explain = (error: unknown, model: ModelMeta, operation: "read" | "write" = "read"): never => {
    throw mapPrismaError(error, errorContext(model, operation)) ?? error;
  };

  const explainWriteError = async (error: unknown, model: ModelMeta, data: WriteData, id?: IdValues) => {
    const code = prismaErrorCode(error);
    if (code && missingReferenceCodes.has(code)) {
      const fields = await findMissingReferences(client, schema, model, data);
      if (Object.keys(fields).length > 0) {
        throw new AtriumError("foreign_key_violation", "A related record does not exist; pick another one", {
          fields,
        });
      }
      if (id && (await getDelegate(client, model).count({ where: idMatch(model, id) })) === 0) {
        throw notFound(model);
      }
    }
    return explain(error, model, "write");
  };

  const explainDeleteError = async (error: unknown, model: ModelMeta, where: Args) => {
    const code = prismaErrorCode(error);
    if (code && restrictedDeleteCodes.has(code)) {
      const preview = await buildDeletePreview({ client, schema, model, where });
      throw restrictedError(model, preview);
    }
    return explain(error, model);
  };

  return {
    provider,

    async list(model, query) {
      const where = buildWhere({ schema, model, filters: query.filters, search: query.search, provider });
      try {
        const [rows, counted] = await Promise.all([
          getDelegate(client, model).findMany({
            where,
            orderBy: buildOrderBy(schema, model, query.sort),
            skip: Math.max(0, query.page - 1) * query.perPage,
            take: query.perPage,
            select: selectOf(model),
          }),
          countRows({ client, model, where, maxExactCount, provider }),
        ]);
        return {
          rows: rows.map((row) => shapeRow(schema, model, row)),
          total: counted.total,
          totalIsEstimate: counted.isEstimate,
        };
      } catch (error) {
        return explain(error, model);
      }
    },

    async get(model, id) {
      const where = uniqueWhere(model, id);
      try {
        const row = await getDelegate(client, model).findUnique({ where, select: selectOf(model) });
        return row ? shapeRow(schema, model, row) : null;
      } catch (error) {
        return explain(error, model);
      }
    },

    async create(model, data, context) {
      try {
        return await transaction(false, async (tx) => {
          const input = await buildWriteData({ tx, schema, model, data, mode: "create" });
          const row = await getDelegate(tx, model).create({ data: input, select: selectOf(model) });
          const after = shapeRow(schema, model, row);
          const fields = setFields(model, context, Object.keys(data.setMany));
          const sets = await readSets(tx, model, idValuesOf(model, after), fields);
          await audit(tx, model, context, "create", null, after, { old: null, new: sets });
          return after;
        });
      } catch (error) {
        return explainWriteError(error, model, data);
      }
    },

    async update(model, id, data, context) {
      const where = uniqueWhere(model, id);
      const tracked = context?.audit !== undefined || context?.expectedVersion !== undefined;
      try {
        return await transaction(tracked, async (tx) => {
          const before = await readBefore(tx, model, id, context);
          const fields = setFields(model, context, Object.keys(data.setMany));
          const oldSets = await readSets(tx, model, id, fields);
          const input = await buildWriteData({ tx, schema, model, data, mode: "update" });
          const row = await getDelegate(tx, model).update({ where, data: input, select: selectOf(model) });
          const after = shapeRow(schema, model, row);
          const newSets = await readSets(tx, model, idValuesOf(model, after), fields);
          await audit(tx, model, context, "update", before, after, { old: oldSets, new: newSets });
          return after;
        });
      } catch (error) {
        if (tracked) await explainWriteConflict(error, model, id, context);
        return explainWriteError(error, model, data, id);
      }
    },

    async delete(model, id, context) {
      const where = uniqueWhere(model, id);
      const tracked = context?.audit !== undefined || context?.expectedVersion !== undefined;
      try {
        await transaction(tracked, async (tx) => {
          const before = await readBefore(tx, model, id, context);
          const sets = await readSets(tx, model, id, setFields(model, context, null));
          await getDelegate(tx, model).delete({ where, select: idSelect(model) });
          await audit(tx, model, context, "delete", before, null, { old: sets, new: null });
        });
      } catch (error) {
        if (tracked) await explainWriteConflict(error, model, id, context);
        await explainDeleteError(error, model, idMatch(model, id));
      }
    },

    async deleteMany(model, ids, context) {
      if (ids.length === 0) return 0;
      const where = anyIdMatch(model, ids);
      const wanted = new Set(ids.map((id) => idKey(model, id))).size;
      const versions = context?.expectedVersions ?? {};
      const tracked = context?.audit !== undefined || Object.keys(versions).length > 0;
      try {
        return await transaction(tracked, async (tx) => {
          const delegate = getDelegate(tx, model);
          const rows = tracked
            ? (await delegate.findMany({ where, select: selectOf(model) })).map((row) =>
                shapeRow(schema, model, row),
              )
            : [];
          const found = tracked ? rows.length : await delegate.count({ where });
          if (found < wanted) {
            const missing = wanted - found;
            throw new AtriumError(
              "not_found",
              `${missing} of the selected ${model.labelPlural.toLowerCase()} no longer exist; nothing was deleted`,
            );
          }
          const { viewSchema, viewModel } = viewOf(model, context);
          const stale = rows.filter((row) => {
            const expected = versions[encodeRecordId(model, idValuesOf(model, row))];
            return expected !== undefined && expected !== recordVersion(viewModel, row);
          });
          if (stale.length > 0) throw bulkVersionConflict(viewSchema, viewModel, stale);
          const fields = setFields(model, context, null);
          const sets = [];
          for (const row of rows) sets.push(await readSets(tx, model, idValuesOf(model, row), fields));
          const deleted = (await delegate.deleteMany({ where })).count;
          for (const [index, row] of rows.entries()) {
            await audit(tx, model, context, "bulk_delete", row, null, {
              old: sets[index] ?? null,
              new: null,
            });
          }
          return deleted;
        });
      } catch (error) {
        if (tracked && prismaErrorCode(error) === writeConflictCode) {
          throw new AtriumError(
            "conflict",
            `Some of the selected ${model.labelPlural.toLowerCase()} changed while they were being deleted; nothing was deleted. Reload and try again`,
          );
        }
        return explainDeleteError(error, model, where);
      }
    },

    async deletePreview(model, id) {
      const where = idMatch(model, id);
      try {
        if ((await getDelegate(client, model).count({ where })) === 0) throw notFound(model);
        return await buildDeletePreview({ client, schema, model, where });
      } catch (error) {
        return explain(error, model);
      }
    },

    async lookup(model, search, limit, options) {
      const text = search?.trim();
      const where = text ? (searchWhere(model, text, provider, schema) ?? {}) : {};
      try {
        const rows = await getDelegate(client, model).findMany({
          where,
          orderBy: labelOrderBy(
            options?.viewSchema ?? schema,
            (options?.viewSchema && findModel(options.viewSchema, model.name)) || model,
          ),
          take: Math.max(1, Math.floor(limit)),
          select: referenceSelect(model, schema),
        });
        return rows.map((row): StoredRow => shapeReference(model, row, schema));
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
        return (await readSets(client, model, id, [meta]))?.[field] ?? null;
      } catch (error) {
        return explain(error, model);
      }
    },

    async count(model) {
      try {
        return await countRows({ client, model, where: {}, maxExactCount, provider });
      } catch (error) {
        return explain(error, model);
      }
    },

    async close() {
      await client.$disconnect();
    },
  };
}

function notFound(model: ModelMeta): AtriumError {
  return new AtriumError(
    "not_found",
    `No ${model.label.toLowerCase()} has this id; it may have been deleted`,
  );
}

function restrictedError(model: ModelMeta, preview: DeletePreview): AtriumError {
  const what = preview.blockers.map((group) => `${group.count} ${group.label.toLowerCase()} (${group.via})`);
  const message =
    what.length > 0
      ? `Cannot delete this ${model.label.toLowerCase()}: ${what.join(", ")} still refer to it; delete or reassign them first`
      : `Cannot delete this ${model.label.toLowerCase()}: other records still refer to it`;
  // The whole preview, so the client can show the blockers (and what else the delete would touch).
  return new AtriumError("delete_restricted", message, { details: preview });
}
