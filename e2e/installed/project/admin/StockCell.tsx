import type { CellWidgetProps } from "atrium/client";

/** Product.stock in lists: words, not a bare number. */
export default function StockCell({ value }: CellWidgetProps) {
  return <span data-testid="stock-cell">{value === 0 ? "Out of stock" : `${String(value)} in stock`}</span>;
}
