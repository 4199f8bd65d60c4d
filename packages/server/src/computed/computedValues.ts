/**
 * The `value` columns of `list.computed` (config), run on the server for each row of a list page. A function
 * gets the row as this user receives it, so a hidden field never reaches it; when it throws, that cell is null
 * and the row says why under `$computedErrors`, and the rest of the page is served (one bad row must not take
 * the whole list down with a 500).
 */
import {
  type ComputedColumnMeta,
  type ComputedValue,
  computedErrorsKey,
  computedKey,
  type StoredRow,
  type WireRow,
} from "@atrium/core";

export type ComputedValueFunction = (row: Readonly<Record<string, unknown>>) => unknown;

/** `value` functions keyed by model URL key, then column name. */
export type ComputedValuesMap = ReadonlyMap<string, ReadonlyMap<string, ComputedValueFunction>>;

/**
 * Adds `$computed` (and `$computedErrors` when a function failed) to a wire row: the aggregates the data
 * source set on `stored` under the same key, then the `value` columns computed from `wire`.
 */
export function addComputedValues(
  wire: WireRow,
  stored: StoredRow,
  columns: readonly ComputedColumnMeta[],
  functions: ReadonlyMap<string, ComputedValueFunction> | undefined,
): WireRow {
  if (columns.length === 0) return wire;
  const aggregates = (stored[computedKey] ?? {}) as Record<string, ComputedValue>;
  const values: Record<string, ComputedValue> = {};
  const errors: Record<string, string> = {};
  const visible: Record<string, unknown> = Object.freeze({ ...wire });
  for (const column of columns) {
    if (column.kind === "aggregate") {
      values[column.name] = aggregates[column.name] ?? null;
      continue;
    }
    const run = functions?.get(column.name);
    if (!run) continue;
    try {
      values[column.name] = checkedValue(column.name, run(visible));
    } catch (error) {
      values[column.name] = null;
      errors[column.name] = `${column.label}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const row: WireRow = { ...wire, [computedKey]: values };
  if (Object.keys(errors).length > 0) row[computedErrorsKey] = errors;
  return row;
}

function checkedValue(name: string, value: unknown): ComputedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new Error(
    `the value function of '${name}' returned ${typeof value === "number" ? String(value) : typeof value}; return a text, a finite number or null`,
  );
}
