/**
 * A JSON body of `POST /api/records/{key}` (create) or `PATCH /api/records/{key}/{id}` (update) -> WriteData.
 *
 * - Keys starting with `$` (`$id`, `$label`, `$version`) are what the API itself sent; they are skipped.
 * - Read-only fields (generated ids, `@updatedAt`, to-many relations other than many-to-many, which rows carry
 *   as counts) are refused, whatever their value: core cannot know the stored value to tell "unchanged" from a
 *   real attempt to write them. So a row read from the API can be sent back once its read-only fields and its
 *   to-many counts are left out; everything else it holds is accepted as it came (clients such as the SPA send
 *   only writable fields).
 * - Scalars and enums go through decodeWireValue. A to-one relation takes the related `$id`, the related record
 *   as rows carry it (`{ $id, $label }`), or null to disconnect; its foreign-key scalars (`authorId`) are
 *   accepted instead, or alongside when both designate the same record. An implicit many-to-many relation takes
 *   an array of `$id`s and replaces the set.
 * - Every problem is collected into one 422 whose `fields` name each field, so a form shows them all at once.
 */
import type { WriteData } from "./dataSource.js";
import { AtriumError } from "./errors.js";
import { FieldErrorBag } from "./fieldErrorBag.js";
import { inSentence } from "./inSentence.js";
import type { IdValues } from "./listQuery.js";
import { type FieldMeta, findField, type ModelMeta, type SchemaMeta } from "./metadata.js";
import { decodeRecordId } from "./recordId.js";
import { relatedModel } from "./relatedModel.js";
import { decodeWireValue } from "./wireCodec.js";

export type WriteMode = "create" | "update";

const required = "This field is required";
const readOnly = "This field is read-only";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function validation(message: string): AtriumError {
  return new AtriumError("validation_failed", message);
}

function decodeIds(target: ModelMeta, raw: unknown): IdValues[] {
  if (!Array.isArray(raw)) throw validation(`Expected a list of ids of ${target.labelPlural}`);
  const seen = new Set<string>();
  const ids: IdValues[] = [];
  for (const [index, item] of raw.entries()) {
    if (typeof item !== "string") throw validation(`Item ${index + 1}: Expected an id of ${target.label}`);
    // The same record twice would make the database reject the whole set.
    if (seen.has(item)) continue;
    seen.add(item);
    try {
      ids.push(decodeRecordId(target, item));
    } catch (error) {
      if (error instanceof AtriumError)
        throw validation(`Item ${index + 1}: ${error.fields?.$id ?? error.message}`);
      throw error;
    }
  }
  return ids;
}

function decodeRelation(
  schema: SchemaMeta,
  field: FieldMeta,
  raw: unknown,
  data: WriteData,
  errors: FieldErrorBag,
) {
  const toMany = field.relation?.toMany ?? false;
  if (field.isReadOnly || (toMany && !field.relation?.isManyToMany)) {
    errors.add(field.name, readOnly);
    return;
  }
  const target = relatedModel(schema, field);
  if (toMany) {
    const ids = errors.capture(field.name, () => decodeIds(target, raw));
    if (ids) data.setMany[field.name] = ids;
    return;
  }
  if (raw === null) {
    if (field.isRequired) errors.add(field.name, required);
    else data.connect[field.name] = null;
    return;
  }
  const text = relatedIdText(raw);
  if (text === undefined) {
    errors.add(field.name, `Expected an id of ${target.label}`);
    return;
  }
  const id = errors.capture(field.name, () => decodeRecordId(target, text));
  if (id) data.connect[field.name] = id;
}

/**
 * The `$id` a to-one relation value names: the text itself, or a related record as rows carry it
 * (`{ $id, $label }`). Other keys in the object would be a nested write, which is not supported: refused.
 */
function relatedIdText(raw: unknown): string | undefined {
  if (typeof raw === "string") return raw;
  if (!isPlainObject(raw) || typeof raw.$id !== "string") return undefined;
  return Object.keys(raw).every((key) => key.startsWith("$")) ? raw.$id : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, index) => byte === b[index]);
  }
  return a === b;
}

/**
 * A to-one relation given together with (some of) its foreign-key scalars, as in a row sent back as it was read:
 * accepted when both designate the same record, the relation then standing for both. The comparison needs the
 * relation to reference the related id; a relation keyed on another unique field cannot be checked here, so it
 * takes one or the other.
 */
function reconcileForeignKey(
  schema: SchemaMeta,
  field: FieldMeta,
  keys: string[],
  data: WriteData,
  errors: FieldErrorBag,
): boolean {
  const relation = field.relation;
  if (!relation) return false;
  // Values that failed to decode are already reported; comparing them would only add noise.
  if (!Object.hasOwn(data.connect, field.name) || keys.some((name) => !Object.hasOwn(data.scalars, name))) {
    return false;
  }
  const target = relatedModel(schema, field);
  const byId =
    relation.toFields.length === target.idFields.length &&
    relation.toFields.every((name) => target.idFields.includes(name));
  if (!byId) {
    errors.add(field.name, `Give either ${field.name} or ${keys.join(", ")}, not both`);
    return false;
  }
  const id = data.connect[field.name] ?? null;
  const agree = keys.every((name) => {
    const related = relation.toFields[relation.fromFields.indexOf(name)] ?? "";
    return sameValue(data.scalars[name], id === null ? null : id[related]);
  });
  if (!agree) {
    errors.add(
      field.name,
      `Names another ${inSentence(target.label)} than ${keys.join(", ")}; give one of them, or both for the same record`,
    );
  }
  return agree;
}

function decodeScalar(field: FieldMeta, raw: unknown, data: WriteData, errors: FieldErrorBag) {
  if (field.isReadOnly || field.type === "Unsupported") {
    errors.add(field.name, readOnly);
  } else if (raw === null) {
    if (field.isRequired) errors.add(field.name, required);
    else data.scalars[field.name] = null;
  } else {
    let failed = true;
    const value = errors.capture(field.name, () => {
      const decoded = decodeWireValue(field, raw);
      failed = false;
      return decoded;
    });
    if (!failed) data.scalars[field.name] = value;
  }
}

function unsupportedRequired(field: FieldMeta): string {
  const type = field.unsupportedType ? ` (${field.unsupportedType})` : "";
  return `Atrium cannot write this column's type${type} and the schema gives it no default, so records can only be created outside the admin`;
}

/** Relation fields of the model whose foreign key includes this scalar. */
function relationsHolding(model: ModelMeta, scalarName: string): FieldMeta[] {
  return model.fields.filter((field) => field.relation?.fromFields.includes(scalarName));
}

export function decodeWrite(schema: SchemaMeta, model: ModelMeta, body: unknown, mode: WriteMode): WriteData {
  if (!isPlainObject(body)) {
    throw new AtriumError("bad_request", `Expected a JSON object with the fields of the ${model.label}`);
  }
  const data: WriteData = { scalars: {}, connect: {}, setMany: {} };
  const errors = new FieldErrorBag();
  const given = new Set<string>();
  for (const key of Object.keys(body)) {
    if (key.startsWith("$")) continue;
    const field = findField(model, key);
    if (!field) {
      errors.add(key, "Unknown field");
      continue;
    }
    given.add(key);
    if (field.kind === "relation") decodeRelation(schema, field, body[key], data, errors);
    else decodeScalar(field, body[key], data, errors);
  }

  const covered = new Set<string>();
  for (const field of model.fields) {
    const keys = field.relation?.fromFields ?? [];
    const both = keys.filter((name) => given.has(name));
    if (given.has(field.name) && both.length > 0 && reconcileForeignKey(schema, field, both, data, errors)) {
      for (const name of both) covered.add(name);
    }
  }
  // Removed only now, so a key scalar shared by two relations is compared with each of them.
  for (const name of covered) delete data.scalars[name];

  if (mode === "create") {
    for (const field of model.fields) {
      if (field.kind === "relation" || given.has(field.name)) continue;
      if (!field.isRequired || field.hasDefault || field.isUpdatedAt || field.isList) continue;
      if (field.type === "Unsupported") {
        // Prisma Client has no create for such a model: the request would fail after decoding.
        errors.add(field.name, unsupportedRequired(field));
        continue;
      }
      if (field.isReadOnly) continue;
      const holders = relationsHolding(model, field.name);
      if (holders.some((holder) => given.has(holder.name))) continue;
      // The form shows the relation picker, not the raw key, so the message goes there.
      errors.add(holders[0]?.name ?? field.name, required);
    }
  }

  errors.throwIfAny("validation_failed", model.label);
  return data;
}
