import { type HistoryEntry, permissionsOf } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { ArrowRight, Undo2 } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { recordPath } from "../format/fieldKinds.js";
import { formatDateTime } from "../format/formatDate.js";
import { CausedEntries } from "./CausedEntries.js";
import { CauseNote } from "./CauseNote.js";
import { HistoryValue } from "./HistoryValue.js";
import {
  actionLabel,
  actionTone,
  deletedRecords,
  entryChanges,
  entryRecordName,
  isRevertable,
  relativeTime,
} from "./historyFormat.js";
import { RevertDialog } from "./RevertDialog.js";

export interface HistoryEntryListProps {
  entries: HistoryEntry[];
  models: ModelMeta[];
  /** Global history: name and link each entry's record. A record's own tab leaves it out. */
  showRecord?: boolean;
}

function modelOf(entry: HistoryEntry, models: ModelMeta[]): ModelMeta | undefined {
  return models.find((model) => model.key === entry.model);
}

/** Audit entries, newest first: who did what when, and per field the old and the new value. */
export function HistoryEntryList({ entries, models, showRecord = false }: HistoryEntryListProps) {
  const [reverting, setReverting] = useState<HistoryEntry>();
  const gone = deletedRecords(entries);
  const now = new Date();
  return (
    <>
      <ol className="history-list">
        {entries.map((entry) => {
          const model = modelOf(entry, models);
          const name = entryRecordName(entry, model);
          const changes = entryChanges(entry, model);
          const snapshot =
            entry.action === "create" || entry.action === "delete" || entry.action === "bulk_delete";
          const linkable =
            entry.model !== null && entry.recordId !== null && !gone.has(`${entry.model}/${entry.recordId}`);
          return (
            <li key={entry.id} className="history-entry">
              <div className="history-entry-head">
                <span className={`badge badge-${actionTone(entry.action)}`}>{actionLabel(entry.action)}</span>
                {showRecord && entry.action === "action" && (
                  // What ran, on how many records: a selection has no one record to link to.
                  <span className="history-record">{name}</span>
                )}
                {showRecord && entry.action !== "action" && entry.recordId !== null && (
                  <span className="history-record">
                    {model && !name.startsWith(`${model.label} `) && (
                      <span className="faint">{model.label} </span>
                    )}
                    {linkable && model ? (
                      <Link to={recordPath(model.key, entry.recordId)}>{name}</Link>
                    ) : (
                      <span>{name}</span>
                    )}
                  </span>
                )}
                <span className="muted">by {entry.actor.email}</span>
                <time
                  className="history-time"
                  dateTime={entry.at}
                  title={formatDateTime(entry.at, { withZone: true })}
                >
                  {relativeTime(entry.at, now)}
                  <span className="faint"> · {formatDateTime(entry.at, { withZone: true })}</span>
                </time>
                {isRevertable(entry) && model && permissionsOf(model).change && (
                  <button
                    type="button"
                    className="button button-small history-revert"
                    onClick={() => setReverting(entry)}
                    aria-label={`Revert: ${actionLabel(entry.action).toLowerCase()} ${name}, ${relativeTime(entry.at, now)}`}
                  >
                    <Undo2 size={13} aria-hidden="true" />
                    Revert
                  </button>
                )}
              </div>
              {entry.causeId !== null && <CauseNote entry={entry} models={models} />}
              {changes.length > 0 && (
                <table className="history-changes">
                  <caption className="sr-only">Changed fields</caption>
                  <thead className="sr-only">
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">{snapshot ? "Value" : "Old and new value"}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map((change) => (
                      <tr key={change.name}>
                        <th scope="row" className="history-field">
                          {change.label}
                        </th>
                        <td>
                          {entry.action === "create" ? (
                            <HistoryValue field={change.field} value={change.new} models={models} />
                          ) : snapshot ? (
                            <HistoryValue field={change.field} value={change.old} models={models} />
                          ) : (
                            <span className="history-diff">
                              <span className="history-old">
                                <span className="sr-only">from </span>
                                <HistoryValue field={change.field} value={change.old} models={models} />
                              </span>
                              <ArrowRight size={13} aria-hidden="true" className="faint" />
                              <span className="history-new">
                                <span className="sr-only">to </span>
                                <HistoryValue field={change.field} value={change.new} models={models} />
                              </span>
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <CausedEntries entry={entry} models={models} />
            </li>
          );
        })}
      </ol>
      <RevertDialog
        entry={reverting}
        recordName={reverting ? entryRecordName(reverting, modelOf(reverting, models)) : ""}
        onClose={() => setReverting(undefined)}
      />
    </>
  );
}
