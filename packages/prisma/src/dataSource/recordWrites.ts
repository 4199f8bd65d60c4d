/**
 * The data source's writes: create, update, delete and deleteMany, each in one transaction with its version
 * check and its audit entries, and the translation of what Prisma throws into AtriumErrors.
 */
import {
  AtriumError,
  bulkVersionConflict,
  type DataSource,
  type DeletePreview,
  encodeRecordId,
  findModelByKey,
  type IdValues,
  idValuesOf,
  type ModelMeta,
  modelInView,
  recordVersion,
  type StoredRow,
  versionConflict,
  type WriteContext,
  type WriteData,
} from "@atrium/core";
import { readSets, readSetsOfRows, recordDeleteEffects, recordStep, setFields } from "./auditWrites.js";
import { shapeRow } from "./buildSelect.js";
import { buildWriteData } from "./buildWriteData.js";
import { collectDeleteEffects, type DeleteEffects } from "./deleteEffects.js";
import { buildDeletePreview } from "./deletePreview.js";
import { findMissingReferences } from "./findMissingReferences.js";
import { anyIdMatch, idKey, idMatch, idSelect, uniqueWhere } from "./idWhere.js";
import { mapPrismaError, prismaErrorCode } from "./mapPrismaError.js";
import { type Args, getDelegate, type QueryClient } from "./prismaClient.js";
import { addRemainingCounts } from "./relationCounts.js";
import type { SourceScope } from "./sourceScope.js";

/** Prisma codes that can mean "a record this write points at does not exist". */
const missingReferenceCodes = new Set(["P2003", "P2015", "P2018", "P2025"]);
/** Prisma codes of a delete refused by a foreign key. */
const restrictedDeleteCodes = new Set(["P2003", "P2014"]);
/** Prisma's code for a transaction that lost a write conflict (PostgreSQL 40001, MySQL deadlock). */
const writeConflictCode = "P2034";

type Writes = Pick<DataSource, "create" | "update" | "delete" | "deleteMany">;

const noEffects: DeleteEffects = { deleted: [], cleared: [] };

export function recordWrites(scope: SourceScope): Writes {
  const { schema } = scope;

  /** The writer's view of the schema and model: versions and conflict rows cover only what they may see. */
  const viewOf = (model: ModelMeta, context: WriteContext | undefined) => {
    const viewSchema = context?.viewSchema ?? schema;
    return { viewSchema, viewModel: modelInView(model, viewSchema) };
  };

  /** Reads the record a write starts from, refusing a stale expectedVersion; null when nothing needs it. */
  const readBefore = async (tx: QueryClient, model: ModelMeta, id: IdValues, context?: WriteContext) => {
    if (!context?.audit && context?.expectedVersion === undefined) return null;
    const before = await scope.readRow(tx, model, uniqueWhere(model, id));
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

  /** What the delete of `roots` takes with it, read only when the delete is audited. */
  const effectsOf = (tx: QueryClient, model: ModelMeta, roots: StoredRow[], context?: WriteContext) =>
    context?.audit && roots.length > 0
      ? collectDeleteEffects({ tx, schema, model, roots, maxRows: scope.maxCascadeRows })
      : Promise.resolve(noEffects);

  /** Refuses a delete that would take with it records the user may not delete (WriteContext.mayDelete). */
  const requireCascadesAllowed = async (
    tx: QueryClient,
    model: ModelMeta,
    where: Args,
    effects: DeleteEffects,
    context: WriteContext | undefined,
    subject: string,
  ) => {
    const mayDelete = context?.mayDelete;
    if (!mayDelete) return;
    // Model key -> how many of its records the delete takes with it.
    const counts = new Map<string, number>();
    const add = (key: string, count: number) => counts.set(key, (counts.get(key) ?? 0) + count);
    if (context.audit) {
      for (const taken of effects.deleted) add(taken.model.key, 1);
    } else {
      // Not audited, so not collected: the preview's counts say the same.
      const preview = await buildDeletePreview({ client: tx, schema, model, where });
      for (const group of preview.cascades) add(group.model, group.count);
    }
    const refused = [...counts]
      .filter(([key]) => !mayDelete(key))
      .map(([key, count]) => {
        const taken = findModelByKey(schema, key);
        const label = taken ? (count === 1 ? taken.label : taken.labelPlural) : key;
        return `${count} ${label.toLowerCase()}`;
      });
    if (refused.length > 0) {
      throw new AtriumError(
        "forbidden",
        `Deleting ${subject} would also delete ${refused.join(", ")}, which you may not delete; ask an administrator`,
      );
    }
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
    if (prismaErrorCode(error) !== writeConflictCode || scope.inTransaction) return;
    const current = await scope.readRow(scope.client, model, uniqueWhere(model, id)).catch(() => null);
    const { viewSchema, viewModel } = viewOf(model, context);
    if (current) throw versionConflict(viewSchema, viewModel, current);
    throw notFound(model);
  };

  /**
   * Maps what Prisma threw; rethrows what it cannot explain so the server logs it as a 500. Deletes count as
   * reads: their only values are ids.
   */
  const explain = (error: unknown, model: ModelMeta, operation: "read" | "write" = "read"): never => {
    throw mapPrismaError(error, { schema, model, warn: scope.warn, operation }) ?? error;
  };

  // Inside a caller's transaction the failed statement may have aborted it: explain from the error alone.
  const explainWriteError = async (error: unknown, model: ModelMeta, data: WriteData, id?: IdValues) => {
    const code = prismaErrorCode(error);
    if (code && missingReferenceCodes.has(code) && !scope.inTransaction) {
      const fields = await findMissingReferences(scope.client, schema, model, data);
      if (Object.keys(fields).length > 0) {
        throw new AtriumError("foreign_key_violation", "A related record does not exist; pick another one", {
          fields,
        });
      }
      if (id && (await getDelegate(scope.client, model).count({ where: idMatch(model, id) })) === 0) {
        throw notFound(model);
      }
    }
    return explain(error, model, "write");
  };

  const explainDeleteError = async (error: unknown, model: ModelMeta, where: Args) => {
    const code = prismaErrorCode(error);
    if (code && restrictedDeleteCodes.has(code) && !scope.inTransaction) {
      const preview = await buildDeletePreview({ client: scope.client, schema, model, where });
      throw restrictedError(model, preview);
    }
    return explain(error, model);
  };

  return {
    async create(model, data, context) {
      try {
        const created = await scope.transaction(false, async (tx) => {
          const input = await buildWriteData({ tx, schema, model, data, mode: "create" });
          const row = await getDelegate(tx, model).create({ data: input, select: scope.selectOf(model) });
          const after = shapeRow(schema, model, row);
          const fields = setFields(model, context, Object.keys(data.setMany));
          const sets = await readSets(scope, tx, model, idValuesOf(model, after), fields);
          await recordStep(tx, context, {
            action: "create",
            model,
            before: null,
            after,
            sets: { old: null, new: sets },
          });
          return after;
        });
        await addRemainingCounts(scope.client, model, [created]);
        return created;
      } catch (error) {
        return explainWriteError(error, model, data);
      }
    },

    async update(model, id, data, context) {
      const where = uniqueWhere(model, id);
      const tracked = context?.audit !== undefined || context?.expectedVersion !== undefined;
      try {
        const updated = await scope.transaction(tracked, async (tx) => {
          const before = await readBefore(tx, model, id, context);
          const fields = setFields(model, context, Object.keys(data.setMany));
          const oldSets = await readSets(scope, tx, model, id, fields);
          const input = await buildWriteData({ tx, schema, model, data, mode: "update" });
          const row = await getDelegate(tx, model).update({
            where,
            data: input,
            select: scope.selectOf(model),
          });
          const after = shapeRow(schema, model, row);
          const newSets = await readSets(scope, tx, model, idValuesOf(model, after), fields);
          await recordStep(tx, context, {
            action: "update",
            model,
            before,
            after,
            sets: { old: oldSets, new: newSets },
          });
          return after;
        });
        await addRemainingCounts(scope.client, model, [updated]);
        return updated;
      } catch (error) {
        if (tracked) await explainWriteConflict(error, model, id, context);
        return explainWriteError(error, model, data, id);
      }
    },

    async delete(model, id, context) {
      const where = uniqueWhere(model, id);
      const tracked = context?.audit !== undefined || context?.expectedVersion !== undefined;
      try {
        await scope.transaction(tracked, async (tx) => {
          const before = await readBefore(tx, model, id, context);
          const sets = await readSets(scope, tx, model, id, setFields(model, context, null));
          const effects = await effectsOf(tx, model, before ? [before] : [], context);
          await requireCascadesAllowed(
            tx,
            model,
            idMatch(model, id),
            effects,
            context,
            `this ${model.label.toLowerCase()}`,
          );
          await getDelegate(tx, model).delete({ where, select: idSelect(model) });
          const entryId = await recordStep(tx, context, {
            action: "delete",
            model,
            before,
            after: null,
            sets: { old: sets, new: null },
          });
          await recordDeleteEffects(scope, tx, context, effects, [entryId]);
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
        return await scope.transaction(tracked, async (tx) => {
          const delegate = getDelegate(tx, model);
          const rows = tracked
            ? (await delegate.findMany({ where, select: scope.selectOf(model) })).map((row) =>
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
          const sets = await readSetsOfRows(scope, tx, model, rows, setFields(model, context, null));
          const effects = await effectsOf(tx, model, rows, context);
          const subject = `these ${model.labelPlural.toLowerCase()}`;
          await requireCascadesAllowed(tx, model, where, effects, context, subject);
          const deleted = (await delegate.deleteMany({ where })).count;
          const entryIds: (string | undefined)[] = [];
          for (const row of rows) {
            const setsOfRow = sets.get(encodeRecordId(model, idValuesOf(model, row))) ?? {};
            entryIds.push(
              await recordStep(tx, context, {
                action: "bulk_delete",
                model,
                before: row,
                after: null,
                sets: { old: setsOfRow, new: null },
              }),
            );
          }
          await recordDeleteEffects(scope, tx, context, effects, entryIds);
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
  };
}

export function notFound(model: ModelMeta): AtriumError {
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
