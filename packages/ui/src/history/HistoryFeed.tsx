import { type HistoryFilter, useHistory, useMeta } from "@atrium/client";
import { EmptyState, ErrorState, Skeleton } from "../components/StateViews.js";
import { HistoryEntryList } from "./HistoryEntryList.js";

/** A paged list of entries for `filter`, with loading, empty and error states and "Load more". */
export function HistoryFeed({
  filter,
  showRecord = false,
  emptyText,
}: {
  filter: HistoryFilter;
  showRecord?: boolean;
  emptyText: string;
}) {
  const meta = useMeta();
  const history = useHistory(filter);
  if (history.isError) {
    return (
      <ErrorState
        error={history.error}
        title="Could not load the history"
        onRetry={() => history.refetch()}
      />
    );
  }
  if (history.isPending || !meta.data) {
    return (
      <div className="card card-body" style={{ display: "grid", gap: 12 }} aria-busy="true">
        <Skeleton width="45%" />
        <Skeleton width="70%" />
        <Skeleton width="55%" />
      </div>
    );
  }
  const entries = history.data.pages.flatMap((page) => page.data);
  if (entries.length === 0) return <EmptyState title={emptyText} filtered={Object.keys(filter).length > 0} />;
  return (
    <div className="history-feed">
      <div className="card">
        <HistoryEntryList entries={entries} models={meta.data.models} showRecord={showRecord} />
      </div>
      {history.hasNextPage && (
        <div className="history-more">
          <button
            type="button"
            className="button"
            onClick={() => history.fetchNextPage()}
            disabled={history.isFetchingNextPage}
          >
            {history.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      )}
    </div>
  );
}
