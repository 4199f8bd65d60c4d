/**
 * How the data source's writes reach the audit history: the changes of one record (scalars and many-to-many
 * sets) as one entry, and what a delete did to other records as entries caused by the delete's own.
 */
import {
  type AuditRecord,
  encodeRecordId,
  type FieldMeta,
  type IdValues,
  idValuesOf,
  type ModelMeta,
  recordChanges,
  type StoredRow,
  type WriteContext,
} from "@atrium/core";
import { findModel, shapeRow } from "./buildSelect.js";
import type { DeleteEffects } from "./deleteEffects.js";
import { snapshotSelect } from "./deleteEffects.js";
import { anyIdMatch, idOf, idSelect, uniqueWhere } from "./idWhere.js";
import { type Args, getDelegate, type QueryClient } from "./prismaClient.js";
import type { SourceScope } from "./sourceScope.js";

/** Many-to-many sets before and after a write: field name -> sorted related `$id`s. */
export interface SetChanges {
  old: Record<string, string[]> | null;
  new: Record<string, string[]> | null;
}

export interface AuditStep {
  action: AuditRecord["action"];
  model: ModelMeta;
  /** Null for a create. */
  before: StoredRow | null;
  /** Null for a delete. */
  after: StoredRow | null;
  sets?: SetChanges;
  causeId?: string;
}

/** Records one entry through the context's sink; resolves its id, or undefined when nothing is audited. */
export async function recordStep(
  tx: QueryClient,
  context: WriteContext | undefined,
  step: AuditStep,
): Promise<string | undefined> {
  const entry = context?.audit ? auditEntryOf(context, step) : undefined;
  return entry ? context?.audit?.record(tx, entry) : undefined;
}

/**
 * Many steps of one bulk write in few statements when the sink can (AuditSink.recordMany), else one by one.
 * Their ids are not returned: nothing a bulk create does is caused by it.
 */
export async function recordSteps(
  tx: QueryClient,
  context: WriteContext | undefined,
  steps: AuditStep[],
): Promise<void> {
  const sink = context?.audit;
  if (!sink) return;
  const entries = steps.flatMap((step) => auditEntryOf(context, step) ?? []);
  if (sink.recordMany) await sink.recordMany(tx, entries);
  else for (const entry of entries) await sink.record(tx, entry);
}

/** The entry of one step: its changes (scalars, then the many-to-many sets it changed), or none without a row. */
function auditEntryOf(context: WriteContext, step: AuditStep): AuditRecord | undefined {
  const { model, before, after } = step;
  const row = after ?? before;
  if (!row) return undefined;
  const changes = recordChanges(model, before, after);
  // A delete keeps every set, empty ones too, as part of the snapshot a revert re-creates the record from.
  const snapshot = after === null;
  const sets = step.sets ?? { old: null, new: null };
  for (const name of new Set([...Object.keys(sets.old ?? {}), ...Object.keys(sets.new ?? {})])) {
    const old = sets.old?.[name] ?? [];
    const next = sets.new?.[name] ?? [];
    if (snapshot || old.join("\n") !== next.join("\n")) changes[name] = { old, new: next };
  }
  return {
    action: step.action,
    model: model.key,
    recordId: encodeRecordId(model, idValuesOf(model, row)),
    changes,
    actor: context.actor ?? null,
    ...(step.causeId ? { causeId: step.causeId } : {}),
  };
}

/** The m-n fields an audited write reads sets of: those it replaces, or all of them (`null`) for a snapshot. */
export function setFields(model: ModelMeta, context: WriteContext | undefined, names: string[] | null) {
  return context?.audit
    ? model.fields.filter(
        (field) => field.relation?.isManyToMany && (names === null || names.includes(field.name)),
      )
    : [];
}

/** The sorted `$id`s each of `fields` (implicit many-to-many) links the record to; null when it is gone. */
export async function readSets(
  scope: SourceScope,
  tx: QueryClient,
  model: ModelMeta,
  id: IdValues,
  fields: FieldMeta[],
): Promise<Record<string, string[]> | null> {
  if (fields.length === 0) return {};
  const select: Args = {};
  for (const field of fields) select[field.name] = { select: idSelect(relatedOf(scope, field)) };
  const row = await getDelegate(tx, model).findUnique({ where: uniqueWhere(model, id), select });
  if (!row) return null;
  const sets: Record<string, string[]> = {};
  for (const field of fields) {
    const related = relatedOf(scope, field);
    const linked = (row[field.name] ?? []) as Args[];
    sets[field.name] = linked.map((raw) => encodeRecordId(related, idOf(related, raw))).sort();
  }
  return sets;
}

/** Sets of many rows in one query: `$id` of the row -> its sets (the rows must still exist). */
export async function readSetsOfRows(
  scope: SourceScope,
  tx: QueryClient,
  model: ModelMeta,
  rows: StoredRow[],
  fields: FieldMeta[],
): Promise<Map<string, Record<string, string[]>>> {
  const byId = new Map<string, Record<string, string[]>>();
  if (fields.length === 0 || rows.length === 0) return byId;
  const select: Args = idSelect(model);
  for (const field of fields) select[field.name] = { select: idSelect(relatedOf(scope, field)) };
  const ids = rows.map((row) => idValuesOf(model, row));
  const found = await getDelegate(tx, model).findMany({ where: anyIdMatch(model, ids), select });
  for (const raw of found) {
    const sets: Record<string, string[]> = {};
    for (const field of fields) {
      const related = relatedOf(scope, field);
      const linked = (raw[field.name] ?? []) as Args[];
      sets[field.name] = linked.map((item) => encodeRecordId(related, idOf(related, item))).sort();
    }
    byId.set(encodeRecordId(model, idOf(model, raw)), sets);
  }
  return byId;
}

/**
 * After the delete: one `delete` entry per record the database deleted with it, and one `update` entry per
 * record whose reference it cleared (old and new values as read back), each caused by the entry of the deleted
 * record it followed from (`rootEntryIds[root]`).
 */
export async function recordDeleteEffects(
  scope: SourceScope,
  tx: QueryClient,
  context: WriteContext | undefined,
  effects: DeleteEffects,
  rootEntryIds: (string | undefined)[],
): Promise<void> {
  if (!context?.audit) return;
  for (const gone of effects.deleted) {
    await recordStep(tx, context, {
      action: "delete",
      model: gone.model,
      before: gone.row,
      after: null,
      sets: { old: gone.sets, new: null },
      ...causeOf(rootEntryIds, gone.root),
    });
  }
  const afterByKey = await readBack(scope, tx, effects.cleared);
  for (const kept of effects.cleared) {
    const after = afterByKey.get(encodeRecordId(kept.model, idValuesOf(kept.model, kept.row)));
    if (!after) continue;
    await recordStep(tx, context, {
      action: "update",
      model: kept.model,
      before: kept.row,
      after,
      ...causeOf(rootEntryIds, kept.root),
    });
  }
}

function causeOf(rootEntryIds: (string | undefined)[], root: number): { causeId?: string } {
  const causeId = rootEntryIds[root];
  return causeId ? { causeId } : {};
}

/** The cleared rows as the delete left them, one query per model. */
async function readBack(
  scope: SourceScope,
  tx: QueryClient,
  rows: DeleteEffects["cleared"],
): Promise<Map<string, StoredRow>> {
  const byModel = new Map<ModelMeta, StoredRow[]>();
  for (const { model, row } of rows) byModel.set(model, [...(byModel.get(model) ?? []), row]);
  const after = new Map<string, StoredRow>();
  for (const [model, before] of byModel) {
    const ids = before.map((row) => idValuesOf(model, row));
    for (let start = 0; start < ids.length; start += 500) {
      const found = await getDelegate(tx, model).findMany({
        where: anyIdMatch(model, ids.slice(start, start + 500)),
        select: snapshotSelect(scope.schema, model),
      });
      for (const raw of found) {
        const row = shapeRow(scope.schema, model, raw);
        after.set(encodeRecordId(model, idValuesOf(model, row)), row);
      }
    }
  }
  return after;
}

function relatedOf(scope: SourceScope, field: FieldMeta): ModelMeta {
  const related = field.relation ? findModel(scope.schema, field.relation.model) : undefined;
  if (!related) throw new Error(`Atrium: the related model of ${field.name} is not in the schema`);
  return related;
}
