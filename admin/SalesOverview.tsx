import { ErrorState, Link, PageHeader, useCounts, useModels, useRouteQuery } from "atrium/client";
import { OrdersToShip } from "./OrdersToShip.js";

/** What the demo's own route answers (admin/routes.ts). */
interface PendingOrders {
  total: number | null;
  totalIsEstimate: boolean;
}

const numberFormat = new Intl.NumberFormat();

/**
 * The demo's custom page (listed in atrium.config.ts, shown to who may view orders): it uses the client API's
 * hooks, so it shares the generated views' cache (shipping an order here shows in the Orders list at once),
 * and reads the demo's own route for the number of pending orders.
 */
export default function SalesOverview() {
  const pending = useRouteQuery<PendingOrders>("sales", "/pending");
  const meta = useModels();
  const counts = useCounts();
  const models = meta.models;
  const rows = models
    .map((model) => ({ model, count: counts.data?.[model.key] }))
    .sort((a, b) => (b.count?.total ?? 0) - (a.count?.total ?? 0));
  const max = Math.max(1, ...rows.map((row) => row.count?.total ?? 0));
  return (
    <>
      <PageHeader
        title="Sales overview"
        description="Orders to ship, and records per model. The project lists this page in atrium.config.ts."
      />
      <p className="muted" data-testid="pending-orders">
        {pending.data
          ? `${pending.data.total === null ? "Many" : numberFormat.format(pending.data.total)} orders are pending payment.`
          : pending.isError
            ? "The pending orders could not be counted."
            : "Counting pending orders…"}
      </p>
      <section className="card related-section section" aria-labelledby="orders-to-ship">
        <div className="card-header">
          <h2 id="orders-to-ship">Orders to ship</h2>
        </div>
        <div className="card-body">
          <OrdersToShip />
        </div>
      </section>
      <div className="card card-body">
        {counts.isPending || meta.isPending ? (
          <p className="muted">Loading…</p>
        ) : counts.isError ? (
          <ErrorState error={counts.error} title="Could not load the counts" />
        ) : (
          <table className="data-table" aria-label="Records per model">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" className="cell-number">
                  Records
                </th>
                <th scope="col" style={{ width: "50%" }}>
                  <span className="sr-only">Share</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ model, count }) => (
                <tr key={model.key}>
                  <td>
                    <Link to={`/m/${model.key}`}>{model.labelPlural}</Link>
                  </td>
                  <td className="cell-number">
                    {count?.total == null
                      ? "—"
                      : `${count.isEstimate ? "~" : ""}${numberFormat.format(count.total)}`}
                  </td>
                  <td>
                    <div
                      aria-hidden="true"
                      style={{
                        height: 8,
                        borderRadius: 4,
                        background: "var(--accent)",
                        width: `${((count?.total ?? 0) / max) * 100}%`,
                        minWidth: 2,
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
