import { type HistoryEntry, useHistory } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { ChevronRight } from "lucide-react";
import { useId, useState } from "react";
import { Link } from "react-router";
import { recordPath } from "../format/fieldKinds.js";
import { actionLabel, actionTone, causedText, entryRecordName } from "./historyFormat.js";

/**
 * Under a delete (or a revert) that touched other records: how many, and on demand which ones, each linking to
 * its own history (where its values are).
 */
export function CausedEntries({ entry, models }: { entry: HistoryEntry; models: ModelMeta[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (entry.caused === 0) return null;
  return (
    <div className="history-caused">
      <button
        type="button"
        className="button button-ghost button-small history-caused-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <ChevronRight size={13} aria-hidden="true" className={open ? "rotated" : undefined} />
        {causedText(entry)}
      </button>
      {open && <CausedList id={listId} causeId={entry.id} models={models} />}
    </div>
  );
}

function CausedList({ id, causeId, models }: { id: string; causeId: string; models: ModelMeta[] }) {
  const caused = useHistory({ cause: causeId, limit: 100 });
  if (caused.isError)
    return (
      <p className="faint" id={id}>
        Could not load them.
      </p>
    );
  if (caused.isPending)
    return (
      <p className="faint" id={id}>
        Loading…
      </p>
    );
  const entries = caused.data.pages.flatMap((page) => page.data);
  return (
    <div id={id}>
      <ul className="history-caused-list">
        {entries.map((each) => {
          const model = models.find((candidate) => candidate.key === each.model);
          return (
            <li key={each.id}>
              <span className={`badge badge-${actionTone(each.action)}`}>{actionLabel(each.action)}</span>
              {model && each.recordId !== null ? (
                <Link to={`${recordPath(model.key, each.recordId)}/history`}>
                  {model.label} “{entryRecordName(each, model)}”
                </Link>
              ) : (
                <span>{entryRecordName(each, model)}</span>
              )}
            </li>
          );
        })}
      </ul>
      {caused.hasNextPage && (
        <button
          type="button"
          className="button button-small"
          onClick={() => caused.fetchNextPage()}
          disabled={caused.isFetchingNextPage}
        >
          {caused.isFetchingNextPage ? "Loading…" : "Show more"}
        </button>
      )}
    </div>
  );
}
