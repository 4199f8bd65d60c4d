import { useHistory, useMeta } from "@atrium/client";
import { Link } from "react-router";
import { Skeleton } from "../components/StateViews.js";
import { recordPath } from "../format/fieldKinds.js";
import { formatDateTime } from "../format/formatDate.js";
import { actionLabel, actionTone, deletedRecords, entryRecordName, relativeTime } from "./historyFormat.js";

/** How many entries the home page shows, like Django's "Recent actions". */
const recentCount = 8;

/** The last few changes, each linking to its record, and a way into the full history. */
export function RecentActions() {
  const meta = useMeta();
  const history = useHistory({ limit: recentCount, top: true });
  const entries = history.data?.pages[0]?.data ?? [];
  const gone = deletedRecords(entries);
  const now = new Date();
  return (
    <section className="section" aria-labelledby="home-recent">
      <div className="section-title">
        <h2 id="home-recent">Recent actions</h2>
        <Link to="/history">View all history</Link>
      </div>
      <div className="card">
        {history.isError ? (
          <p className="recent-empty faint">History unavailable</p>
        ) : history.isPending || !meta.data ? (
          <div className="card-body" style={{ display: "grid", gap: 10 }} aria-hidden="true">
            <Skeleton width="60%" />
            <Skeleton width="45%" />
          </div>
        ) : entries.length === 0 ? (
          <p className="recent-empty faint">No changes yet. Edits made here will show up in this list.</p>
        ) : (
          <ul className="recent-list">
            {entries.map((entry) => {
              const model = meta.data.models.find((candidate) => candidate.key === entry.model);
              const name = entryRecordName(entry, model);
              const linkable =
                model && entry.recordId !== null && !gone.has(`${entry.model}/${entry.recordId}`);
              return (
                <li key={entry.id}>
                  <span className={`badge badge-${actionTone(entry.action)}`}>
                    {actionLabel(entry.action)}
                  </span>
                  <span className="recent-what">
                    {linkable && entry.recordId !== null ? (
                      <Link to={recordPath(model.key, entry.recordId)}>{name}</Link>
                    ) : (
                      <span>{name}</span>
                    )}
                    {model && <span className="faint"> · {model.label}</span>}
                  </span>
                  <time
                    dateTime={entry.at}
                    title={formatDateTime(entry.at, { withZone: true })}
                    className="faint"
                  >
                    {relativeTime(entry.at, now)}
                  </time>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
