/**
 * The data source's writes: create, update, delete and deleteMany, each in one transaction with its version
 * check and its audit entries, and the translation of what Prisma throws into AtriumErrors. A write that reads
 * the records it changes first locks them (lockRows.ts), so its check and its change are one step.
 */
import {
  AtriumError,
  bulkVersionConflict,
  type DataSource,
  encodeRecordId,
  findModelByKey,
  type IdValues,
  idValuesOf,
  inSentence,
  type ModelMeta,
  modelInView,
  recordVersion,
  type StoredRow,
  versionConflict,
  type WriteContext,
} from "@atrium/core";
import { readSets, readSetsOfRows, recordDeleteEffects, recordStep, setFields } from "./auditWrites.js";
import { shapeRow } from "./buildSelect.js";
import { buildWriteData } from "./buildWriteData.js";
import { collectDeleteEffects, type DeleteEffects } from "./deleteEffects.js";
import { buildDeletePreview } from "./deletePreview.js";
import { deleteExactly, emulatedCascadeIsInexact } from "./exactCascade.js";
import { notFound, writeErrorExplainer } from "./explainWriteError.js";
import { anyIdMatch, idKey, idMatch, idSelect, uniqueWhere } from "./idWhere.js";
import { type LockPurpose, lockRows } from "./lockRows.js";
import { isWriteConflict } from "./mapPrismaError.js";
import { type Args, getDelegate, type QueryClient } from "./prismaClient.js";
import { addRelationCounts } from "./relationCounts.js";
import type { SourceScope } from "./sourceScope.js";

type Writes = Pick<DataSource, "create" | "update" | "delete" | "deleteMany">;

const noEffects: DeleteEffects = { deleted: [], cleared: [] };
/** The writes' work is their own, so a deadlock's victim can run it again (SourceScope.transaction). */
const rerun = { rerun: true };

export function recordWrites(scope: SourceScope): Writes {
  const { schema } = scope;

  /** The writer's view of the schema and model: versions and conflict rows cover only what they may see. */
  const viewOf = (model: ModelMeta, context: WriteContext | undefined) => {
    const viewSchema = context?.viewSchema ?? schema;
    return { viewSchema, viewModel: modelInView(model, viewSchema) };
  };

  /** Whether a write reads the record before changing it (to check its version, or to record its old values). */
  const readsFirst = (context: WriteContext | undefined) =>
    context?.audit !== undefined || context?.expectedVersion !== undefined;

  /** Locks `ids` for the rest of the transaction: what the write reads next, nobody else changes before it. */
  const lock = (tx: QueryClient, model: ModelMeta, ids: IdValues[], purpose: LockPurpose) =>
    lockRows(tx, scope.provider, model, ids, purpose);

  /**
   * Reads the record a write starts from (locked by the caller), refusing a stale expectedVersion; null when
   * nothing needs it.
   */
  const readBefore = async (tx: QueryClient, model: ModelMeta, id: IdValues, context?: WriteContext) => {
    if (!readsFirst(context) || !context) return null;
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
        return `${count} ${inSentence(label)}`;
      });
    if (refused.length > 0) {
      throw new AtriumError(
        "forbidden",
        `Deleting ${subject} would also delete ${refused.join(", ")}, which you may not delete; ask an administrator`,
      );
    }
  };

  const { explainWriteConflict, explainWriteError, explainDeleteError } = writeErrorExplainer(scope, viewOf);

  return {
    async create(model, data, context) {
      try {
        const created = await scope.transaction(async (tx) => {
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
          // Counted here, not after the commit: beforeCommit builds the answer, counts included.
          await addRelationCounts(tx, scope, model, [after]);
          context?.beforeCommit?.(after);
          return after;
        }, rerun);
        return created;
      } catch (error) {
        return explainWriteError(error, model, data);
      }
    },

    async update(model, id, data, context) {
      const where = uniqueWhere(model, id);
      try {
        const updated = await scope.transaction(async (tx) => {
          // Only a write that reads first needs the lock: a lone UPDATE is atomic by itself.
          if (readsFirst(context)) await lock(tx, model, [id], "update");
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
          await addRelationCounts(tx, scope, model, [after]);
          context?.beforeCommit?.(after);
          return after;
        }, rerun);
        return updated;
      } catch (error) {
        await explainWriteConflict(error, model, id, context);
        return explainWriteError(error, model, data, id);
      }
    },

    async delete(model, id, context) {
      const where = uniqueWhere(model, id);
      try {
        await scope.transaction(async (tx) => {
          // Also when nothing is read first: what the delete takes with it is read before it (cascades).
          await lock(tx, model, [id], "delete");
          const before = await readBefore(tx, model, id, context);
          const sets = await readSets(scope, tx, model, id, setFields(model, context, null));
          const effects = await effectsOf(tx, model, before ? [before] : [], context);
          await requireCascadesAllowed(
            tx,
            model,
            idMatch(model, id),
            effects,
            context,
            `this ${inSentence(model.label)}`,
          );
          if (emulatedCascadeIsInexact(schema, model)) {
            const labelSchema = viewOf(model, context).viewSchema;
            const audited = context?.audit ? { effects } : {};
            await deleteExactly({ tx, schema, model, ids: [id], labelSchema, ...audited });
          } else {
            await getDelegate(tx, model).delete({ where, select: idSelect(model) });
          }
          const entryId = await recordStep(tx, context, {
            action: "delete",
            model,
            before,
            after: null,
            sets: { old: sets, new: null },
          });
          await recordDeleteEffects(scope, tx, context, effects, [entryId]);
        }, rerun);
      } catch (error) {
        await explainWriteConflict(error, model, id, context);
        await explainDeleteError(error, model, idMatch(model, id), "delete", context);
      }
    },

    async deleteMany(model, ids, context) {
      if (ids.length === 0) return 0;
      const where = anyIdMatch(model, ids);
      const wanted = new Set(ids.map((id) => idKey(model, id))).size;
      const versions = context?.expectedVersions ?? {};
      const versioned = Object.keys(versions).length > 0;
      const tracked = context?.audit !== undefined || versioned;
      try {
        return await scope.transaction(async (tx) => {
          // Before the count too: a record deleted between the count and the delete would make it a partial one.
          await lock(tx, model, ids, "delete");
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
              `${missing} of the selected ${inSentence(model.labelPlural)} no longer exist; nothing was deleted`,
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
          const subject = `these ${inSentence(model.labelPlural)}`;
          await requireCascadesAllowed(tx, model, where, effects, context, subject);
          const deleted = emulatedCascadeIsInexact(schema, model)
            ? await deleteExactly({
                tx,
                schema,
                model,
                ids,
                labelSchema: viewOf(model, context).viewSchema,
                ...(context?.audit ? { effects } : {}),
              })
            : (await delegate.deleteMany({ where })).count;
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
        }, rerun);
      } catch (error) {
        if (versioned && !scope.inTransaction && isWriteConflict(error)) {
          throw new AtriumError(
            "conflict",
            `Some of the selected ${inSentence(model.labelPlural)} changed while they were being deleted; nothing was deleted. Reload and try again`,
          );
        }
        return explainDeleteError(error, model, where, "deleteMany", context);
      }
    },
  };
}
