import {
  EmptyState,
  ErrorState,
  emptyListState,
  type RecordRef,
  Skeleton,
  type SlotProps,
  useRecordList,
} from "atrium/client";

const numberFormat = new Intl.NumberFormat();

/** Inventory rows of one book's editions; a book has a handful of editions in a handful of warehouses. */
const maxRows = 200;

interface WarehouseStock {
  warehouse: string;
  quantity: number;
  low: number;
}

/** Sums the inventory rows per warehouse, largest stock first. */
function byWarehouse(rows: readonly Record<string, unknown>[]): WarehouseStock[] {
  const totals = new Map<string, WarehouseStock>();
  for (const row of rows) {
    const warehouse = (row.warehouse as RecordRef | null)?.$label ?? "Unknown warehouse";
    const entry = totals.get(warehouse) ?? { warehouse, quantity: 0, low: 0 };
    const quantity = Number(row.quantity ?? 0);
    entry.quantity += quantity;
    if (quantity < Number(row.reorderLevel ?? 0)) entry.low += 1;
    totals.set(warehouse, entry);
  }
  return [...totals.values()].sort((a, b) => b.quantity - a.quantity);
}

/**
 * `record.panel` slot on Book: the copies of the book's editions in each warehouse, read through the same
 * list hook (and cache) as the Inventory list page.
 */
export default function StockByWarehouse({ recordId }: SlotProps["record.panel"]) {
  const inventory = useRecordList(
    "inventory",
    emptyListState({ perPage: maxRows, filters: [{ path: "edition.bookId", op: "eq", value: recordId }] }),
  );
  if (inventory.isPending) return <Skeleton width="40%" />;
  if (inventory.isError) return <ErrorState error={inventory.error} title="Could not load the stock" />;
  const stock = byWarehouse(inventory.data.data);
  if (stock.length === 0) return <EmptyState title="No stock in any warehouse" />;
  return (
    <table className="data-table" aria-label="Stock by warehouse">
      <thead>
        <tr>
          <th scope="col">Warehouse</th>
          <th scope="col" className="cell-number">
            Copies
          </th>
          <th scope="col" className="cell-number">
            Editions to reorder
          </th>
        </tr>
      </thead>
      <tbody>
        {stock.map((entry) => (
          <tr key={entry.warehouse}>
            <td>{entry.warehouse}</td>
            <td className="cell-number">{numberFormat.format(entry.quantity)}</td>
            <td className="cell-number">{entry.low}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
