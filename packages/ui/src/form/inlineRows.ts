/**
 * The rows of a form's inlines, apart from the parent's fields: what each row holds, the `$inlines` part of the
 * save's body, and the server's answers placed back on the row that caused them (the body names rows by their
 * index in it, which differs from the form's once untouched rows are left out).
 */
import type { Row } from "@atrium/client";
import { findModelByKey, type InlineMeta, type ModelMeta } from "@atrium/core";
import { duplicateValues, type FormValues, toFormValues, toWriteBody } from "./formValues.js";

export interface InlineRow {
  /** Stable React key, also the row's name in error maps. */
  key: string;
  $id?: string;
  $version?: string;
  values: FormValues;
  /** The values as loaded (edit sends only what changed). */
  initial: FormValues;
  removed: boolean;
}

/** Relation -> rows. */
export type InlineState = Record<string, InlineRow[]>;

/** The child model of an inline, limited to the inline's fields in the configured order. */
export function inlineModel(inline: InlineMeta, models: ModelMeta[]): ModelMeta | undefined {
  const child = findModelByKey({ provider: "sqlite", models, enums: [] }, inline.model);
  if (!child) return undefined;
  const fields = inline.fields.flatMap((name) => child.fields.find((field) => field.name === name) ?? []);
  return { ...child, fields };
}

let keys = 0;

/** A row added on the form, starting from `values` (the child's defaults unless given). */
export function newInlineRow(child: ModelMeta, values = toFormValues(child, "create")): InlineRow {
  keys += 1;
  return { key: `new-${keys}`, values, initial: values, removed: false };
}

/** A duplicated parent's rows, as new rows of the copy: their values, less what the copy needs its own of. */
export function copiedInlineRows(child: ModelMeta, rows: Row[]): InlineRow[] {
  return rows.map((original) => newInlineRow(child, duplicateValues(child, original)));
}

export function loadedInlineRows(child: ModelMeta, rows: Row[]): InlineRow[] {
  return rows.map((row) => {
    const values = toFormValues(child, "edit", row);
    return {
      key: `row-${row.$id}`,
      $id: row.$id,
      ...(typeof row.$version === "string" ? { $version: row.$version } : {}),
      values,
      initial: values,
      removed: false,
    };
  });
}

/** Row keys in body order, by relation: to read the server's `$inlines.<relation>.<index>` back. */
export type BodyRows = Record<string, string[]>;

/**
 * `$inlines` of the body: new rows (not removed), changed rows with their `$version`, removed saved rows; rows
 * left as they were are not sent. Undefined when nothing is to be sent.
 */
export function inlinesBody(
  inlines: InlineMeta[],
  models: ModelMeta[],
  state: InlineState,
): { body?: Record<string, unknown[]>; order: BodyRows } {
  const body: Record<string, unknown[]> = {};
  const order: BodyRows = {};
  for (const inline of inlines) {
    const child = inlineModel(inline, models);
    if (!child) continue;
    const rows: unknown[] = [];
    const keysSent: string[] = [];
    for (const row of state[inline.relation] ?? []) {
      let sent: Record<string, unknown> | undefined;
      if (!row.$id) {
        if (!row.removed) sent = toWriteBody(child, "create", row.values, row.initial);
      } else if (row.removed) {
        sent = { $id: row.$id, $delete: true, ...(row.$version ? { $version: row.$version } : {}) };
      } else {
        const changes = toWriteBody(child, "edit", row.values, row.initial, row.$version);
        if (Object.keys(changes).some((key) => !key.startsWith("$"))) sent = { $id: row.$id, ...changes };
      }
      if (sent) {
        rows.push(sent);
        keysSent.push(row.key);
      }
    }
    order[inline.relation] = keysSent;
    if (rows.length > 0) body[inline.relation] = rows;
  }
  return Object.keys(body).length > 0 ? { body, order } : { order };
}

/** Errors of one save, split: row key -> field (or "" for the row itself) -> message; the rest as they were. */
export interface PlacedInlineErrors {
  rows: Record<string, Record<string, string>>;
  /** Relation -> message about the inline as a whole (too many rows). */
  inlines: Record<string, string>;
  rest: Record<string, string>;
}

export function placeInlineErrors(fields: Record<string, string>, order: BodyRows): PlacedInlineErrors {
  const placed: PlacedInlineErrors = { rows: {}, inlines: {}, rest: {} };
  for (const [key, message] of Object.entries(fields)) {
    const match = /^\$inlines\.([^.]+)(?:\.(\d+)(?:\.(.+))?)?$/.exec(key);
    const relation = match?.[1];
    if (!match || !relation) {
      placed.rest[key] = message;
      continue;
    }
    const rowKey = match[2] === undefined ? undefined : order[relation]?.[Number(match[2])];
    if (match[2] === undefined) placed.inlines[relation] = message;
    else if (rowKey) {
      placed.rows[rowKey] = { ...placed.rows[rowKey], [match[3] ?? ""]: message };
    } else placed.rest[key] = message;
  }
  return placed;
}
