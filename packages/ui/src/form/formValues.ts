import type { RecordRef, Row } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { isDateOnly } from "../format/fieldKinds.js";
import { isoToLocalInput, localInputToIso } from "../format/formatDate.js";

/**
 * What an input edits, per field: text for everything typed (numbers included, so BigInt and Decimal keep
 * every digit and half-typed numbers survive), boolean|null, base64|null for Bytes, RecordRef|null for
 * to-one relations, RecordRef[] for many-to-many, string[] for scalar lists.
 */
export type FormValue = string | boolean | null | RecordRef | RecordRef[] | string[];
export type FormValues = Record<string, FormValue>;
export type FormMode = "create" | "edit";

export function isManyToMany(field: FieldMeta): boolean {
  return field.kind === "relation" && Boolean(field.relation?.isManyToMany);
}

/**
 * Fields the form shows. Foreign-key scalars are shown and edited through their relation field (a read-only one
 * too: configured read-only, both are); on create, read-only fields (generated ids, @updatedAt, the config's
 * `form.readOnly`) are left out since nobody can set them.
 */
export function formFields(model: ModelMeta, mode: FormMode): FieldMeta[] {
  const editedThroughRelation = new Set<string>();
  for (const field of model.fields) {
    if (field.kind === "relation" && field.relation && !field.relation.toMany) {
      for (const name of field.relation.fromFields) editedThroughRelation.add(name);
    }
  }
  return model.fields.filter((field) => {
    if (field.kind === "relation" && field.relation?.toMany && !field.relation.isManyToMany) return false;
    if (editedThroughRelation.has(field.name)) return false;
    return mode === "edit" || !field.isReadOnly;
  });
}

/**
 * Fields the form lets the user set but never shows a value for (the model's `writeOnlyFields` in meta, e.g. a
 * password hash). Shown after the regular fields, always starting empty.
 */
export function writeOnlyFormFields(model: ModelMeta): FieldMeta[] {
  return model.writeOnlyFields ?? [];
}

function literalDefault(field: FieldMeta): unknown {
  return field.default?.kind === "literal" ? field.default.value : undefined;
}

function scalarToText(field: FieldMeta, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (field.type === "DateTime")
    return isDateOnly(field) ? String(value).slice(0, 10) : isoToLocalInput(String(value));
  if (field.type === "Json") return JSON.stringify(value, null, 2);
  return typeof value === "string" ? value : String(value);
}

export function toFormValue(field: FieldMeta, value: unknown, manyRefs?: RecordRef[]): FormValue {
  if (field.kind === "relation") {
    if (field.relation?.toMany) return manyRefs ?? [];
    return value && typeof value === "object" ? (value as RecordRef) : null;
  }
  if (field.isList) return Array.isArray(value) ? value.map((item) => scalarToText(field, item)) : [];
  if (field.type === "Boolean") return typeof value === "boolean" ? value : null;
  if (field.type === "Bytes") return typeof value === "string" ? value : null;
  return scalarToText(field, value);
}

/** Starting values: a record's values for edit, schema defaults for create. */
export function toFormValues(
  model: ModelMeta,
  mode: FormMode,
  row?: Row,
  manyRefs: Record<string, RecordRef[]> = {},
): FormValues {
  const values: FormValues = {};
  for (const field of formFields(model, mode)) {
    if (row) {
      values[field.name] = toFormValue(field, row[field.name], manyRefs[field.name]);
    } else if (field.type === "Boolean" && !field.isList) {
      const fallback = literalDefault(field);
      values[field.name] = typeof fallback === "boolean" ? fallback : field.isRequired ? false : null;
    } else {
      values[field.name] = toFormValue(field, literalDefault(field), []);
    }
  }
  // There is nothing to pre-fill them with: the server never sends their values.
  for (const field of writeOnlyFormFields(model)) values[field.name] = "";
  return values;
}

/**
 * A copy's starting values (the record page's "Duplicate"): the original's, but a new record's where a value
 * must be unique (the save would only fail), where the database makes it (a `now()` creation time, a generated
 * id: the copy's own, not the original's), and without many-to-many links, which the copy's user chooses again.
 */
export function duplicateValues(model: ModelMeta, original: Row): FormValues {
  const values = toFormValues(model, "create", original);
  const blank = toFormValues(model, "create");
  for (const field of formFields(model, "create")) {
    const generated = field.default !== undefined && field.default.kind !== "literal";
    if (field.isUnique || field.isId || generated || (field.kind === "relation" && field.relation?.toMany)) {
      values[field.name] = blank[field.name] ?? null;
    }
  }
  return values;
}

export function isEmptyValue(value: FormValue | undefined): boolean {
  return value === null || value === undefined || value === "";
}

function scalarToWire(field: FieldMeta, text: string): unknown {
  if (text === "") return field.type === "String" && field.isRequired ? "" : null;
  switch (field.type) {
    case "Int":
    case "Float":
      return Number(text);
    case "BigInt":
    case "Decimal":
      return text.trim();
    case "DateTime":
      return isDateOnly(field) ? text : (localInputToIso(text) ?? text);
    case "Json":
      return JSON.parse(text);
    default:
      return text;
  }
}

/** The wire encoding of one form value (see the API's write rules). */
export function toWireValue(field: FieldMeta, value: FormValue): unknown {
  if (field.kind === "relation") {
    if (Array.isArray(value)) return (value as RecordRef[]).map((ref) => ref.$id);
    return value && typeof value === "object" ? (value as RecordRef).$id : null;
  }
  if (field.isList) return ((value as string[] | null) ?? []).map((item) => scalarToWire(field, item));
  if (typeof value === "boolean" || value === null) return value;
  return field.type === "Bytes" ? value : scalarToWire(field, value as string);
}

function sameValue(a: FormValue | undefined, b: FormValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The request body. Create sends what was filled in (empty fields are left to the schema's defaults);
 * edit sends only what changed, so a concurrent edit of another field is not overwritten, plus the `$version`
 * the form was loaded from, so that a save over someone else's newer save answers 409 instead of losing it.
 * A write-only field is sent only when something was typed, exactly as typed: empty on edit keeps the stored
 * value.
 */
export function toWriteBody(
  model: ModelMeta,
  mode: FormMode,
  values: FormValues,
  initial: FormValues,
  version?: string,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (mode === "edit" && version) body.$version = version;
  for (const field of formFields(model, mode)) {
    if (field.isReadOnly) continue;
    const value = values[field.name] ?? null;
    if (mode === "edit") {
      if (!sameValue(value, initial[field.name])) body[field.name] = toWireValue(field, value);
      continue;
    }
    if (isEmptyValue(value) || (Array.isArray(value) && value.length === 0)) continue;
    body[field.name] = toWireValue(field, value);
  }
  for (const field of writeOnlyFormFields(model)) {
    const value = values[field.name];
    if (typeof value === "string" && value !== "") body[field.name] = value;
  }
  return body;
}
