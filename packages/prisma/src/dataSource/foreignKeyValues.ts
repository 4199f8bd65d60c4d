/**
 * The foreign-key columns a write's to-one relations set. A relation holding a key is written as its columns
 * (see buildWriteData), which raises questions Prisma would otherwise answer with a refused query or a silent
 * wrong value:
 * - a relation referencing another unique of the related model reads that key from the record picked, and the
 *   record may have none (a person without the e-mail the relation refers to);
 * - two relations may share a column (`tenantId` in `[tenantId, projectId]` and `[tenantId, assigneeId]`), or a
 *   relation and a scalar given in the same write, and then must agree on its value;
 * - clearing a relation whose key is partly required (allowed with `relationMode = "prisma"`) clears only its
 *   own optional columns.
 */
import {
  AtriumError,
  type FieldMeta,
  type IdValues,
  inSentence,
  type ModelMeta,
  type SchemaMeta,
} from "@atrium/core";
import { findModel } from "./buildSelect.js";
import { decimalDigits } from "./decimalDigits.js";
import { idMatch, uniqueWhere } from "./idWhere.js";
import { type Args, getDelegate, type QueryClient } from "./prismaClient.js";

export interface ForeignKeyInput {
  tx: QueryClient;
  schema: SchemaMeta;
  model: ModelMeta;
  /** Scalars the write sets itself (raw key columns included). */
  scalars: Record<string, unknown>;
  /** Keyed to-one relations the write sets: the related record's id, or null to clear the relation. */
  relations: [field: FieldMeta, id: IdValues | null][];
}

/** Column name -> value for every keyed relation of the write; throws a 422 on the relation when it cannot. */
export async function foreignKeyValues(input: ForeignKeyInput): Promise<Args> {
  const out: Args = {};
  // Who set each column, so that a disagreement names both.
  const setBy = new Map<string, string>(Object.keys(input.scalars).map((name) => [name, name]));
  const assign = (field: FieldMeta, name: string, value: unknown) => {
    const other = setBy.get(name);
    const current = other === undefined ? undefined : (input.scalars[name] ?? out[name]);
    if (other !== undefined && other !== field.name && !sameKey(current, value)) {
      const message = `Does not agree with ${other} on ${name}; pick records that share it`;
      throw new AtriumError("validation_failed", message, {
        fields: { [field.name]: message, [other]: `Does not agree with ${field.name} on ${name}` },
      });
    }
    setBy.set(name, field.name);
    out[name] = value;
  };
  // Relations that point somewhere first: clearing another relation must not undo a column they set.
  for (const [field, id] of input.relations) {
    if (id === null) continue;
    const values = await referencedKey(input, field, id);
    for (const [name, value] of Object.entries(values)) assign(field, name, value);
  }
  for (const [field, id] of input.relations) {
    if (id !== null) continue;
    for (const name of columnsToClear(input.model, field, setBy)) {
      setBy.set(name, field.name);
      out[name] = null;
    }
  }
  return out;
}

/** The related record's values of the columns this relation references, keyed by this model's columns. */
async function referencedKey(input: ForeignKeyInput, field: FieldMeta, id: IdValues): Promise<Args> {
  const { fromFields = [], toFields = [] } = field.relation ?? {};
  const related = field.relation ? findModel(input.schema, field.relation.model) : undefined;
  if (!related) throw invalid(field.name, "The related model is unknown");
  let target: Args = idMatch(related, id);
  if (!toFields.every((name) => name in target)) {
    // The relation references another unique of the related model: read that key from the record.
    const select = Object.fromEntries(toFields.map((name) => [name, true]));
    const found = await getDelegate(input.tx, related).findUnique({
      where: uniqueWhere(related, id),
      select,
    });
    const what = inSentence(related.label);
    if (!found) {
      throw new AtriumError("foreign_key_violation", `No ${what} has this id`, {
        fields: { [field.name]: `No ${what} has this id` },
      });
    }
    const empty = toFields.filter((name) => found[name] === null || found[name] === undefined);
    if (empty.length > 0) {
      const labels = empty.map((name) => labelOf(related, name)).join(" and ");
      throw invalid(
        field.name,
        `This ${what} has no ${labels}, which the ${inSentence(field.label)} refers to; give it one first or pick another ${what}`,
      );
    }
    target = found;
  }
  return Object.fromEntries(fromFields.map((name, index) => [name, target[toFields[index] ?? ""]]));
}

/**
 * The columns that clear a relation: its optional ones, preferring those no other relation shares (nulling a
 * shared `tenantId` would clear the other relation too). A relation without optional columns cannot be
 * cleared: the metadata marks it required, so decodeWrite refuses the null first.
 */
function columnsToClear(model: ModelMeta, field: FieldMeta, setBy: Map<string, string>): string[] {
  const fromFields = field.relation?.fromFields ?? [];
  const optional = fromFields.filter(
    (name) => model.fields.find((candidate) => candidate.name === name)?.isRequired === false,
  );
  if (optional.length === 0) throw invalid(field.name, "This field is required");
  const shared = (name: string) =>
    model.fields.some(
      (other) => other !== field && other.relation && other.relation.fromFields.includes(name),
    );
  const own = optional.filter((name) => !shared(name));
  if (own.length > 0) return own;
  const free = optional.filter((name) => !setBy.has(name));
  if (free.length > 0) return free;
  throw invalid(field.name, `Clearing the ${inSentence(field.label)} would change the other relations' keys`);
}

/** Key values read back from the database against values decoded from the request. */
function sameKey(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, index) => byte === b[index]);
  }
  if (a === null || b === null || a === undefined || b === undefined) return a === b;
  return keyText(a) === keyText(b);
}

/** Decimal objects, bigints and numbers compare by their digits. */
function keyText(value: unknown): string {
  const digits = decimalDigits(value);
  if (digits !== undefined) return digits;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) {
    return value.includes(".") ? value.replace(/\.?0+$/, "") : value;
  }
  return String(value);
}

function labelOf(model: ModelMeta, name: string): string {
  return inSentence(model.fields.find((field) => field.name === name)?.label ?? name);
}

function invalid(name: string, message: string): AtriumError {
  return new AtriumError("validation_failed", message, { fields: { [name]: message } });
}
