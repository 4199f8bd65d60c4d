/**
 * Prisma emulates referential actions under `relationMode = "prisma"` by matching each key column against an IN
 * list of its own (`regionCode IN ('eu','us') AND regionZone IN (1,2)`), to find the records a delete takes with
 * it or that restrict it, and to delete or clear them by their ids. When a key has more than one column, that
 * matches every combination of the values: deleting regions (eu, 1) and (us, 2) also deletes the sites of (eu, 2)
 * and (us, 1), a company's offices (paris, 1) and (lyon, 2) take the desks of another company's office
 * (paris, 2), and a Restrict on (a, 2) refuses the delete of (a, 1) and (b, 2).
 *
 * Where that can happen, Atrium applies the delete's effects itself, exactly (deleteEffects.ts matches whole
 * keys): it clears the references SetNull clears, deletes what Cascade deletes one record at a time, deepest
 * first, then the records asked for one at a time. Each single delete leaves Prisma's emulation nothing to
 * match but the one record's own children, which are already gone.
 */
import type { IdValues, ModelMeta, SchemaMeta, StoredRow } from "@atrium/core";
import { findModel, shapeRow } from "./buildSelect.js";
import {
  type AffectedRow,
  collectDeleteEffects,
  type DeleteEffects,
  referencesTo,
  snapshotSelect,
} from "./deleteEffects.js";
import { buildDeletePreview } from "./deletePreview.js";
import { restrictedError } from "./explainWriteError.js";
import { anyIdMatch, idMatch, idOf, idSelect, uniqueWhere } from "./idWhere.js";
import { getDelegate, type QueryClient } from "./prismaClient.js";

const emulatedActions = new Set(["Cascade", "SetNull", "SetDefault"]);

/**
 * Whether Prisma's emulation of a delete of `model` could match records it should not: relations emulated,
 * and somewhere in what the delete reaches, a relation over a compound key (whatever its action: even the check
 * of a Restrict matches other records' children, and refuses the delete) or a Cascade or SetNull into a model
 * with a compound id (deleted or cleared by its id).
 */
export function emulatedCascadeIsInexact(schema: SchemaMeta, model: ModelMeta): boolean {
  if (schema.relationMode !== "prisma") return false;
  const seen = new Set<string>();
  const visit = (target: ModelMeta): boolean => {
    if (seen.has(target.name)) return false;
    seen.add(target.name);
    for (const { model: referencing, field } of referencesTo(schema, target)) {
      if ((field.relation?.fromFields.length ?? 0) > 1) return true;
      const action = field.relation?.onDelete ?? "";
      if (!emulatedActions.has(action)) continue;
      if (referencing.idFields.length > 1) return true;
      if (action === "Cascade" && visit(referencing)) return true;
    }
    return false;
  };
  return visit(model);
}

export interface ExactDeleteInput {
  tx: QueryClient;
  schema: SchemaMeta;
  model: ModelMeta;
  ids: IdValues[];
  /** What the delete takes with it, when the caller read it already (an audited delete). */
  effects?: DeleteEffects;
  /** The schema as the user sees it, to label the records that refuse the delete. @default schema */
  labelSchema?: SchemaMeta;
}

/** Deletes the records and what their delete takes with it, record by record; resolves how many it deleted. */
export async function deleteExactly(input: ExactDeleteInput): Promise<number> {
  const { tx, schema, model, ids } = input;
  // Deleting children first would get past every Restrict; refuse what the delete preview says refuses it, as
  // the database (or Prisma's emulation, record by record) would: a record that restricts counts even when the
  // delete would take it too.
  const labelSchema = input.labelSchema ?? schema;
  const preview = await buildDeletePreview({
    client: tx,
    schema,
    model,
    where: anyIdMatch(model, ids),
    labelSchema,
  });
  if (!preview.canDelete) throw restrictedError(model, preview);
  const effects = input.effects ?? (await readEffects(input));
  await clearReferences(tx, schema, model, ids, effects);
  // A record reached by two paths (a comment of an issue and of a member) may be gone already, taken by the
  // emulated cascade of one single delete before: that cascade was exact (one record's children), so a record
  // that no longer exists is simply skipped.
  for (const taken of [...effects.deleted].reverse()) {
    await getDelegate(tx, taken.model).deleteMany({
      where: idMatch(taken.model, idOf(taken.model, taken.row)),
    });
  }
  for (const id of ids) await getDelegate(tx, model).deleteMany({ where: idMatch(model, id) });
  return ids.length;
}

async function readEffects({ tx, schema, model, ids }: ExactDeleteInput): Promise<DeleteEffects> {
  const raw = await getDelegate(tx, model).findMany({
    where: anyIdMatch(model, ids),
    select: snapshotSelect(schema, model),
  });
  const roots = raw.map((row) => shapeRow(schema, model, row));
  // Not audited, so no history to keep small: the delete takes what it takes.
  return collectDeleteEffects({ tx, schema, model, roots, maxRows: Number.MAX_SAFE_INTEGER });
}

/** Sets to null the keys of SetNull relations that point at a record the delete removes. */
async function clearReferences(
  tx: QueryClient,
  schema: SchemaMeta,
  model: ModelMeta,
  ids: IdValues[],
  effects: DeleteEffects,
): Promise<void> {
  if (effects.cleared.length === 0) return;
  const removed = [...effects.deleted, ...(await rootRows(tx, schema, model, ids))];
  for (const { model: owner, row } of effects.cleared) {
    const data: Record<string, null> = {};
    for (const field of owner.fields) {
      const relation = field.relation;
      if (relation?.onDelete !== "SetNull" || relation.fromFields.length === 0) continue;
      const target = findModel(schema, relation.model);
      const values = relation.fromFields.map((name) => row[name]);
      if (!target || values.some((value) => value === null || value === undefined)) continue;
      const pointsAtRemoved = removed.some(
        (candidate) =>
          candidate.model.name === target.name &&
          relation.toFields.every((name, index) => sameValue(candidate.row[name], values[index])),
      );
      if (pointsAtRemoved) for (const name of relation.fromFields) data[name] = null;
    }
    if (Object.keys(data).length === 0) continue;
    await getDelegate(tx, owner).update({
      where: uniqueWhere(owner, idOf(owner, row)),
      data,
      select: idSelect(owner),
    });
  }
}

async function rootRows(
  tx: QueryClient,
  schema: SchemaMeta,
  model: ModelMeta,
  ids: IdValues[],
): Promise<Pick<AffectedRow, "model" | "row">[]> {
  const raw = await getDelegate(tx, model).findMany({
    where: anyIdMatch(model, ids),
    select: snapshotSelect(schema, model),
  });
  return raw.map((row) => ({ model, row: shapeRow(schema, model, row) as StoredRow }));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b || (a !== null && b !== null && String(a) === String(b));
}
