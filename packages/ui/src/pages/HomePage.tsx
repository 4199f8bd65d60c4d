import { useAdmin, useCounts, useMeta, usePageAccess } from "@atrium/client";
import { Database, FileText } from "lucide-react";
import { Link } from "react-router";
import { ErrorState, PageHeader, Skeleton } from "../components/StateViews.js";
import { formatCount } from "../format/formatCount.js";
import { RecentActions } from "../history/RecentActions.js";

export function HomePage() {
  const { registry } = useAdmin();
  const meta = useMeta();
  const counts = useCounts();
  const pageAccess = usePageAccess();
  if (meta.isError)
    return <ErrorState error={meta.error} title="Could not load the schema" onRetry={() => meta.refetch()} />;
  const pages = registry.pages().filter((page) => !pageAccess.pending && pageAccess.canView(page));
  return (
    <>
      <PageHeader title="Overview" description="Every model of your schema, with its number of records." />
      {pages.length > 0 && (
        <section className="section" aria-labelledby="home-pages">
          <div className="section-title">
            <h2 id="home-pages">Pages</h2>
          </div>
          <div className="home-grid">
            {pages.map(({ key, title, description, icon: Icon = FileText }) => (
              <Link key={key} to={`/pages/${key}`} className="model-card">
                <span className="model-card-title">
                  <Icon size={16} aria-hidden="true" />
                  {title}
                </span>
                {description && <span className="muted">{description}</span>}
              </Link>
            ))}
          </div>
        </section>
      )}
      <section className="section" aria-labelledby="home-models">
        <div className="section-title">
          <h2 id="home-models">Models</h2>
          {counts.isError && <span className="faint">Counts unavailable</span>}
        </div>
        <div className="home-grid">
          {meta.isPending
            ? [1, 2, 3, 4].map((index) => (
                <div key={index} className="model-card" aria-hidden="true">
                  <Skeleton width="50%" />
                  <Skeleton width="30%" height={24} />
                </div>
              ))
            : meta.data.models.map((model) => {
                const count = counts.data?.[model.key];
                return (
                  <Link key={model.key} to={`/m/${model.key}`} className="model-card">
                    <span className="model-card-title">
                      <Database size={16} aria-hidden="true" />
                      {model.labelPlural}
                    </span>
                    <span className="model-card-count">
                      {count ? (
                        formatCount(count.total, count.isEstimate)
                      ) : counts.isPending ? (
                        <Skeleton width="40%" height={24} />
                      ) : (
                        "—"
                      )}
                    </span>
                    <span className="faint">{count?.total === 1 ? "record" : "records"}</span>
                  </Link>
                );
              })}
        </div>
      </section>
      <RecentActions />
    </>
  );
}
