/**
 * A parent's body `$inlines` (`{ "items": [ { ...fields }, { "$id", "$version", ...fields }, { "$id", "$delete": true } ] }`)
 * -> the child writes it asks for, decoded and checked before anything is written: every problem of every row is
 * collected under `$inlines.<relation>.<row>.<field>`, so the form shows each beside the cell that caused it.
 */
import type { ModelAction } from "@atrium/auth";
import {
  AtriumError,
  decodeRecordId,
  decodeWrite,
  type FieldErrorBag,
  findModelByKey,
  type IdValues,
  type InlineMeta,
  inSentence,
  type ModelMeta,
  type SchemaMeta,
  type WriteData,
} from "@atrium/core";
import type { RequestAccess } from "../auth/requestAccess.js";
import { versionOf } from "../routes/recordActions.js";

/** One row's write: a new child, a change of one, or the removal of one; `row` is its index in the body. */
export type ChildWrite =
  | { kind: "create"; row: number; data: WriteData }
  | { kind: "update"; row: number; id: IdValues; idText: string; version?: string; data: WriteData }
  | { kind: "delete"; row: number; id: IdValues; idText: string; version?: string };

export interface InlineWrites {
  inline: InlineMeta;
  /** The child model, in full (the data source's). */
  child: ModelMeta;
  writes: ChildWrite[];
}

const actionOf: Record<ChildWrite["kind"], ModelAction> = {
  create: "add",
  update: "change",
  delete: "delete",
};

/** Reads `$inlines` of `body` (`schema`: the app's, in full); `errors` collects row and field problems (thrown by the caller with the parent's). */
export function readInlineRows(
  schema: SchemaMeta,
  access: RequestAccess,
  parent: ModelMeta,
  body: unknown,
  parentMode: "create" | "update",
  errors: FieldErrorBag,
): InlineWrites[] {
  const raw = (body as { $inlines?: unknown } | null)?.$inlines;
  if (raw === undefined) return [];
  const configured = parent.admin?.inlines ?? [];
  if (!isObject(raw)) {
    errors.add("$inlines", `Expected an object of rows by inline (${names(configured)})`);
    return [];
  }
  const read: InlineWrites[] = [];
  for (const [relation, rows] of Object.entries(raw)) {
    const at = `$inlines.${relation}`;
    const inline = configured.find((candidate) => candidate.relation === relation);
    const child = inline && findModelByKey(access.view.schema, inline.model);
    if (!inline || !child) {
      errors.add(at, `Not an inline of ${parent.label}; its inlines: ${names(configured)}`);
      continue;
    }
    // A child model hidden from the user, or one they may not view, is not theirs to write through the parent.
    access.require(child, "view");
    if (!Array.isArray(rows)) {
      errors.add(at, `Expected a list of rows of ${child.labelPlural}`);
      continue;
    }
    const rowModel = rowModelOf(access.writeModel(child), inline);
    const writes = rows.flatMap((row, index) => {
      const write = readRow(
        access,
        child,
        rowModel,
        inline,
        row,
        `${at}.${index}`,
        index,
        parentMode,
        errors,
      );
      return write ? [write] : [];
    });
    for (const kind of ["create", "update", "delete"] as const) {
      const action = actionOf[kind];
      if (writes.some((write) => write.kind === kind) && !access.can(child.key, action)) {
        throw new AtriumError(
          "forbidden",
          `You may not ${action} ${inSentence(child.labelPlural)}, so the ${label(inline, child)} of this ${inSentence(parent.label)} cannot be saved with that row; ask an administrator`,
          { fields: { [at]: `You may not ${action} ${inSentence(child.labelPlural)}` } },
        );
      }
    }
    read.push({ inline, child: findModelByKey(schema, inline.model) ?? child, writes });
  }
  return read;
}

function readRow(
  access: RequestAccess,
  child: ModelMeta,
  rowModel: ModelMeta,
  inline: InlineMeta,
  raw: unknown,
  at: string,
  row: number,
  parentMode: "create" | "update",
  errors: FieldErrorBag,
): ChildWrite | undefined {
  if (!isObject(raw)) {
    errors.add(at, `Expected an object with the fields of a ${child.label}`);
    return undefined;
  }
  const before = errors.toFields();
  const idText = raw.$id;
  let id: IdValues | undefined;
  if (idText !== undefined) {
    if (parentMode === "create") {
      errors.add(`${at}.$id`, `A new ${inline.relation} row has no $id; leave it out`);
      return undefined;
    }
    if (typeof idText !== "string") errors.add(`${at}.$id`, `Expected the $id of a ${child.label}`);
    else id = errors.capture(`${at}.$id`, () => decodeRecordId(child, idText));
  }
  const version = errors.capture(`${at}.$version`, () => versionOf(raw.$version, "$version"));
  if (raw.$delete !== undefined && raw.$delete !== true && raw.$delete !== false) {
    errors.add(`${at}.$delete`, "Expected true to remove the row, or nothing");
  }
  if (raw.$delete === true) {
    if (idText === undefined) errors.add(`${at}.$id`, "Only a saved row can be removed: give its $id");
    if (!id || typeof idText !== "string") return undefined;
    return { kind: "delete", row, id, idText, ...(version ? { version } : {}) };
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith("$")) continue;
    if (!inline.fields.includes(key)) {
      errors.add(`${at}.${key}`, `Not a field of this inline; its fields: ${inline.fields.join(", ")}`);
    } else fields[key] = value;
  }
  const mode = id ? "update" : "create";
  let data: WriteData | undefined;
  try {
    data = decodeWrite(access.view.writeSchema, rowModel, fields, mode);
  } catch (error) {
    if (!(error instanceof AtriumError)) throw error;
    const found = Object.entries(error.fields ?? {});
    if (found.length === 0) errors.add(at, error.message);
    for (const [field, message] of found) errors.add(`${at}.${field}`, message);
  }
  if (Object.keys(errors.toFields()).length > Object.keys(before).length || !data) return undefined;
  if (id && typeof idText === "string") {
    return { kind: "update", row, id, idText, data, ...(version ? { version } : {}) };
  }
  return { kind: "create", row, data };
}

/**
 * The child as a row of the inline decodes it: without its relation to the parent (the server sets it, so a
 * missing one is not "required" and a sent one is refused).
 */
function rowModelOf(child: ModelMeta, inline: InlineMeta): ModelMeta {
  return {
    ...child,
    fields: child.fields
      .filter((field) => field.name !== inline.backField)
      .map((field) => (inline.foreignKey.includes(field.name) ? { ...field, isRequired: false } : field)),
  };
}

export function label(inline: InlineMeta, child: ModelMeta): string {
  return inSentence(inline.label ?? child.labelPlural);
}

function names(inlines: InlineMeta[]): string {
  return inlines.length > 0 ? inlines.map((inline) => inline.relation).join(", ") : "none";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
