import type { ComputedColumnMeta } from "@atrium/core";
import { AlertTriangle } from "lucide-react";
import { computedCell } from "./listCells.js";

const numbers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/**
 * A computed column's cell: a number formatted (an average to two decimals), a text as it is, nothing as a dash,
 * and a failed `value` function as a warning sign whose title and accessible name say why.
 */
export function ComputedCell({ column, row }: { column: ComputedColumnMeta; row: Record<string, unknown> }) {
  const { value, error } = computedCell(row, column);
  if (error) {
    return (
      <span className="computed-error" title={error} role="img" aria-label={`Not computed: ${error}`}>
        <AlertTriangle size={14} aria-hidden="true" />
      </span>
    );
  }
  if (value === null) return <span className="faint">—</span>;
  // Digits of a BigInt sum or a Decimal arrive as text: shown as they are, never rounded through a float.
  if (typeof value === "number") return <>{numbers.format(value)}</>;
  return <>{value}</>;
}

/** Whether the column holds numbers (aligned right, like number fields). */
export function isNumericComputed(column: ComputedColumnMeta): boolean {
  return column.kind === "aggregate";
}
