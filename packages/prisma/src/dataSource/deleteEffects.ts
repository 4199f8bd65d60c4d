/**
 * What a delete does to other records, read row by row before it runs, so the audit history can record every
 * record the database deletes with it (`onDelete: Cascade`, followed transitively) and every record whose
 * reference it clears (`SetNull` / `SetDefault`), each attributed to the deleted record it followed from. A
 * revert of the delete puts them back from these snapshots.
 *
 * deletePreview.ts answers the same question in counts and examples for the UI; this reads whole rows, and
 * only inside an audited delete's transaction.
 */
import {
  AtriumError,
  encodeRecordId,
  type FieldMeta,
  inSentence,
  type ModelMeta,
  type SchemaMeta,
  type StoredRow,
} from "@atrium/core";
import { findModel, shapeRow } from "./buildSelect.js";
import { idKey, idOf, idSelect } from "./idWhere.js";
import { type Args, getDelegate, type QueryClient, type Row } from "./prismaClient.js";

/** A record the delete takes with it, or one whose reference it clears. */
export interface AffectedRow {
  model: ModelMeta;
  /** Scalar values as stored (what an audit snapshot is made of). */
  row: StoredRow;
  /** Implicit many-to-many sets, as sorted related `$id`s (deleted rows only: their links go with them). */
  sets: Record<string, string[]>;
  /** Index, in the delete's own rows, of the record it followed from. */
  root: number;
}

export interface DeleteEffects {
  /** Records deleted with the roots, parents before the records that referenced them. */
  deleted: AffectedRow[];
  /** Records that stay, with a reference the database clears (or sets to its default). */
  cleared: AffectedRow[];
}

export interface DeleteEffectsInput {
  tx: QueryClient;
  schema: SchemaMeta;
  model: ModelMeta;
  /** The records about to be deleted, as stored (their scalars are read). */
  roots: StoredRow[];
  /** Most affected records one delete may record; more refuses the delete (409). */
  maxRows: number;
}

/** Parent key values per query: well under every database's limit on bound parameters. */
const chunkSize = 500;

export async function collectDeleteEffects(input: DeleteEffectsInput): Promise<DeleteEffects> {
  const { tx, schema, maxRows } = input;
  const deleted: AffectedRow[] = [];
  const cleared = new Map<string, AffectedRow>();
  const taken = new Set(input.roots.map((row) => rowKey(input.model, row)));
  let level: AffectedRow[] = input.roots.map((row, root) => ({ model: input.model, row, sets: {}, root }));
  while (level.length > 0) {
    const next: AffectedRow[] = [];
    for (const [parentModel, parents] of groupByModel(level)) {
      for (const { model, field } of referencesTo(schema, parentModel)) {
        const action = field.relation?.onDelete;
        const cascades = action === "Cascade";
        // Restrict and NoAction make the delete fail while such rows exist: nothing to record.
        if (!cascades && action !== "SetNull" && action !== "SetDefault") continue;
        for (const found of await referencingRows(tx, schema, model, field, parents)) {
          const key = rowKey(model, found.row);
          if (taken.has(key)) continue;
          if (cascades) {
            taken.add(key);
            // Also reached through a reference that is cleared: it is deleted all the same.
            cleared.delete(key);
            deleted.push(found);
            next.push(found);
          } else if (!cleared.has(key)) {
            cleared.set(key, found);
          }
        }
        if (deleted.length + cleared.size > maxRows) throw tooMany(input, maxRows);
      }
    }
    level = next;
  }
  return { deleted, cleared: [...cleared.values()] };
}

/** The rows of `model` whose `field` points at one of `parents`, each with the root of its parent. */
async function referencingRows(
  tx: QueryClient,
  schema: SchemaMeta,
  model: ModelMeta,
  field: FieldMeta,
  parents: AffectedRow[],
): Promise<AffectedRow[]> {
  const { fromFields = [], toFields = [] } = field.relation ?? {};
  const parentByKey = new Map<string, { values: unknown[]; root: number }>();
  for (const parent of parents) {
    const values = toFields.map((name) => parent.row[name]);
    if (values.some((value) => value === null || value === undefined)) continue;
    const key = valuesKey(values);
    if (!parentByKey.has(key)) parentByKey.set(key, { values, root: parent.root });
  }
  const keyed = [...parentByKey.values()];
  const found: AffectedRow[] = [];
  for (let start = 0; start < keyed.length; start += chunkSize) {
    const chunk = keyed.slice(start, start + chunkSize).map((parent) => parent.values);
    const where =
      fromFields.length === 1
        ? { [fromFields[0] ?? ""]: { in: chunk.map((values) => values[0]) } }
        : { OR: chunk.map((values) => Object.fromEntries(fromFields.map((name, i) => [name, values[i]]))) };
    const rows = await getDelegate(tx, model).findMany({ where, select: snapshotSelect(schema, model) });
    for (const raw of rows) {
      const row = shapeRow(schema, model, raw);
      const parent = parentByKey.get(valuesKey(fromFields.map((name) => row[name])));
      if (parent === undefined) continue;
      found.push({ model, row, sets: setsOf(schema, model, raw), root: parent.root });
    }
  }
  return found;
}

/** Every readable scalar, and the related ids of each implicit many-to-many set. */
export function snapshotSelect(schema: SchemaMeta, model: ModelMeta): Args {
  const select: Args = {};
  for (const field of model.fields) {
    if (field.kind !== "relation") {
      if (field.type !== "Unsupported") select[field.name] = true;
      continue;
    }
    const related = field.relation?.isManyToMany ? findModel(schema, field.relation.model) : undefined;
    if (related) select[field.name] = { select: idSelect(related) };
  }
  return select;
}

/** The many-to-many sets of a row read with snapshotSelect, as sorted related `$id`s. */
export function setsOf(schema: SchemaMeta, model: ModelMeta, raw: Row): Record<string, string[]> {
  const sets: Record<string, string[]> = {};
  for (const field of model.fields) {
    const related = field.relation?.isManyToMany ? findModel(schema, field.relation.model) : undefined;
    if (!related) continue;
    const linked = (raw[field.name] ?? []) as Row[];
    sets[field.name] = linked.map((item) => encodeRecordId(related, idOf(related, item))).sort();
  }
  return sets;
}

/** Relation fields, on any model, whose foreign key points at `target`. */
export function referencesTo(
  schema: SchemaMeta,
  target: ModelMeta,
): { model: ModelMeta; field: FieldMeta }[] {
  return schema.models.flatMap((model) =>
    model.fields
      .filter((field) => field.relation?.model === target.name && field.relation.fromFields.length > 0)
      .map((field) => ({ model, field })),
  );
}

function groupByModel(rows: AffectedRow[]): Map<ModelMeta, AffectedRow[]> {
  const groups = new Map<ModelMeta, AffectedRow[]>();
  for (const row of rows) groups.set(row.model, [...(groups.get(row.model) ?? []), row]);
  return groups;
}

function rowKey(model: ModelMeta, row: StoredRow): string {
  return `${model.name}\u0000${idKey(model, idOf(model, row))}`;
}

/** Comparable text of key values (bigint, Date and Decimal strings included). */
function valuesKey(values: unknown[]): string {
  return JSON.stringify(values, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value));
}

function tooMany(input: DeleteEffectsInput, maxRows: number): AtriumError {
  const what = input.roots.length === 1 ? `this ${inSentence(input.model.label)}` : "these records";
  return new AtriumError(
    "delete_restricted",
    `Deleting ${what} would delete or change more than ${maxRows.toLocaleString("en")} other records, more than the history keeps for one change; delete the records that depend on it first`,
  );
}
