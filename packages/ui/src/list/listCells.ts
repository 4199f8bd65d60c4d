import {
  type ComputedColumnMeta,
  type ComputedValue,
  computedColumnsOf,
  computedErrorsKey,
  computedKey,
  type FieldMeta,
  type ModelMeta,
} from "@atrium/core";
import { listColumns } from "../format/fieldKinds.js";

/** A column of the list page: a field of the model, or a computed column (config `list.computed`). */
export type ListColumn = FieldMeta | ComputedColumnMeta;

export function isComputedColumn(column: ListColumn): column is ComputedColumnMeta {
  return column.kind === "aggregate" || column.kind === "value";
}

/**
 * The list page's columns: those `list.columns` names, fields and computed columns in its order (less what the
 * user may not see, which the server left out of the metadata); without it, the default fields and then every
 * computed column.
 */
export function listCells(model: ModelMeta): ListColumn[] {
  const computed = computedColumnsOf(model);
  const configured = model.admin?.list?.columns;
  if (!configured) return [...listColumns(model), ...computed];
  return configured.flatMap((name): ListColumn[] => {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (field) return [field];
    return computed.filter((column) => column.name === name);
  });
}

/** A row's value of a computed column, and why it has none when its function failed. */
export function computedCell(
  row: Record<string, unknown>,
  column: ComputedColumnMeta,
): { value: ComputedValue; error?: string } {
  const values = (row[computedKey] ?? {}) as Record<string, ComputedValue>;
  const errors = (row[computedErrorsKey] ?? {}) as Record<string, string>;
  const error = errors[column.name];
  return { value: values[column.name] ?? null, ...(error ? { error } : {}) };
}
