import {
  Button,
  describeError,
  EmptyState,
  ErrorState,
  emptyListState,
  type Row,
  Skeleton,
  useCan,
  useRecordList,
  useToast,
  useUpdateRecord,
} from "atrium/client";

/** Paid orders, oldest first: the ones a clerk ships next. */
const toShip = emptyListState({
  perPage: 5,
  filters: [{ path: "status", op: "eq", value: "PAID" }],
  sort: [{ field: "placedAt", direction: "asc" }],
});

/** The oldest paid orders, each with a button that ships it; the button shows only to who may change orders. */
export function OrdersToShip() {
  const orders = useRecordList("order", toShip);
  const canShip = useCan("model:order:change");
  // The shared mutation: the Orders list and the order's page refresh with it, no reload needed. It lives here,
  // not in the row: the refreshed list drops the shipped row, and a row's callbacks would go with it.
  const update = useUpdateRecord("order");
  const toast = useToast();
  const ship = (order: Row) =>
    update.mutate(
      // `$version` makes the server refuse the change (409) if someone edited the order meanwhile.
      { id: order.$id, body: { status: "SHIPPED", $version: order.$version } },
      {
        onSuccess: (saved) => toast(`Marked “${saved.$label}” as shipped`),
        onError: (error) => toast(`Could not ship “${order.$label}”: ${describeError(error)}`),
      },
    );
  if (orders.isPending) return <Skeleton width="50%" />;
  if (orders.isError) return <ErrorState error={orders.error} title="Could not load the orders" />;
  if (orders.data.data.length === 0) return <EmptyState title="Every paid order has shipped" />;
  return (
    // Scrolls sideways on a narrow screen rather than cutting off the button column.
    <div className="table-scroll">
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
                  <Button
                    size="small"
                    disabled={update.isPending && update.variables?.id === order.$id}
                    onClick={() => ship(order)}
                  >
                    Mark shipped
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
