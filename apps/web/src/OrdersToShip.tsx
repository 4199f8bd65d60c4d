import {
  describeError,
  emptyListState,
  type Row,
  useCan,
  useRecordList,
  useUpdateRecord,
} from "@atrium/client";
import { Button, EmptyState, ErrorState, Skeleton, useToast } from "@atrium/ui";

/** Paid orders, oldest first: the ones a clerk ships next. */
const toShip = emptyListState({
  perPage: 5,
  filters: [{ path: "status", op: "eq", value: "PAID" }],
  sort: [{ field: "placedAt", direction: "asc" }],
});

function ShipButton({ order }: { order: Row }) {
  // The shared mutation: the Orders list and this order's page refresh with it, no reload needed.
  const update = useUpdateRecord("order");
  const toast = useToast();
  return (
    <Button
      size="small"
      disabled={update.isPending}
      onClick={() =>
        update.mutate(
          // `$version` makes the server refuse the change (409) if someone edited the order meanwhile.
          { id: order.$id, body: { status: "SHIPPED", $version: order.$version } },
          {
            onSuccess: (saved) => toast(`Marked “${saved.$label}” as shipped`),
            onError: (error) => toast(`Could not ship “${order.$label}”: ${describeError(error)}`),
          },
        )
      }
    >
      Mark shipped
    </Button>
  );
}

/** The oldest paid orders, each with a button that ships it; the button shows only to who may change orders. */
export function OrdersToShip() {
  const orders = useRecordList("order", toShip);
  const canShip = useCan("model:order:change");
  if (orders.isPending) return <Skeleton width="50%" />;
  if (orders.isError) return <ErrorState error={orders.error} title="Could not load the orders" />;
  if (orders.data.data.length === 0) return <EmptyState title="Every paid order has shipped" />;
  return (
    <table className="data-table" aria-label="Orders to ship">
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Placed</th>
          <th scope="col" className="cell-number">
            Total
          </th>
          {canShip && (
            <th scope="col">
              <span className="sr-only">Action</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {orders.data.data.map((order) => (
          <tr key={order.$id}>
            <td>{order.$label}</td>
            <td>{new Date(String(order.placedAt)).toLocaleDateString()}</td>
            <td className="cell-number">{String(order.total)}</td>
            {canShip && (
              <td>
                <ShipButton order={order} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
