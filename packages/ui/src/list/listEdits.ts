/**
 * The edits typed into a list's editable cells (`list.editable`), before they are saved together by
 * `update-many`: what each cell shows, what it sends, which rows changed, and which cell a refusal names.
 */
import { type ApiError, isApiError, type Row } from "@atrium/client";
import type { FieldMeta } from "@atrium/core";

/** `$id` -> field -> the text typed in its cell. */
export type Drafts = Record<string, Record<string, string>>;
/** `$id` -> field -> the server's message for that cell. */
export type CellErrors = Record<string, Record<string, string>>;

/** The text a cell starts with: the stored wire value. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value);
}

/** What a cell sends: its text in the wire encoding (numbers as numbers, BigInt and Decimal as text). */
export function wireOf(field: FieldMeta, text: string): unknown {
  if (text.trim() === "") return field.type === "String" && field.isRequired ? "" : null;
  if (field.type === "Boolean") return text === "true";
  if (field.type === "Int" || field.type === "Float") {
    // Sent as typed when it is not a number, so the server's message says what is wrong with it.
    return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? Number(text.trim()) : text;
  }
  return text;
}

/** The rows whose cells differ from what is stored, as update-many rows with the `$version` they were edited from. */
export function changedRows(
  drafts: Drafts,
  rows: Row[],
  fields: FieldMeta[],
): { $id: string; values: Record<string, unknown> }[] {
  const changed: { $id: string; values: Record<string, unknown> }[] = [];
  for (const row of rows) {
    const draft = drafts[row.$id];
    if (!draft) continue;
    const values: Record<string, unknown> = {};
    for (const field of fields) {
      const text = draft[field.name];
      if (text !== undefined && text !== cellText(row[field.name])) values[field.name] = wireOf(field, text);
    }
    if (Object.keys(values).length === 0) continue;
    if (typeof row.$version === "string") values.$version = row.$version;
    changed.push({ $id: row.$id, values });
  }
  return changed;
}

/** A refused save's messages on the cells they name (`rows.<index>.<field>`), and on the row of a conflict. */
export function cellErrors(error: unknown, sent: { $id: string }[], fields: FieldMeta[]): CellErrors {
  const errors: CellErrors = {};
  if (!isApiError(error)) return errors;
  const put = (index: number, field: string, message: string) => {
    const id = sent[index]?.$id;
    if (id === undefined) return;
    errors[id] = { ...errors[id], [field]: message };
  };
  for (const [key, message] of Object.entries((error as ApiError).fields ?? {})) {
    const match = /^rows\.(\d+)\.(.+)$/.exec(key);
    if (match) put(Number(match[1]), match[2] ?? "", message);
  }
  const row = (error.details as { row?: unknown } | undefined)?.row;
  if (error.status === 409 && typeof row === "number") {
    for (const field of fields) put(row, field.name, "Changed by someone else since the list was shown");
  }
  return errors;
}
