import { useCounts, useMeta } from "atrium/client";
import { Link } from "react-router";

const numberFormat = new Intl.NumberFormat();

/**
 * A demo custom page: it uses the same hooks as the built-in views (so it shares their cache) and renders
 * inside the shell. A real one would call an endpoint of its own.
 */
export default function SalesOverview() {
  const meta = useMeta();
  const counts = useCounts();
  const models = meta.data?.models ?? [];
  const rows = models
    .map((model) => ({ model, count: counts.data?.[model.key] }))
    .sort((a, b) => (b.count?.total ?? 0) - (a.count?.total ?? 0));
  const max = Math.max(1, ...rows.map((row) => row.count?.total ?? 0));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Sales overview</h1>
          <p>
            Records per model, largest first. The project lists it in atrium.config.ts; it lives in
            admin/SalesOverview.tsx.
          </p>
        </div>
      </div>
      <div className="card card-body">
        {counts.isPending || meta.isPending ? (
          <p className="muted">Loading…</p>
        ) : counts.isError ? (
          <p role="alert">Could not load counts: {counts.error.message}</p>
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
