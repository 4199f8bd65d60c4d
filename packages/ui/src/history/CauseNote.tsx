import { type HistoryEntry, useHistoryEntry } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { CornerDownRight } from "lucide-react";
import { Link } from "react-router";
import { recordPath } from "../format/fieldKinds.js";
import { causeText, entryRecordName } from "./historyFormat.js";

/**
 * Under an entry that followed from another ("deleted together with Organization “Acme”"), naming that other
 * entry's record and linking to its history, where the whole change and its revert live.
 */
export function CauseNote({ entry, models }: { entry: HistoryEntry; models: ModelMeta[] }) {
  const cause = useHistoryEntry(entry.causeId);
  if (!entry.causeId) return null;
  const model = models.find((candidate) => candidate.key === cause.data?.model);
  return (
    <p className="history-cause">
      <CornerDownRight size={13} aria-hidden="true" />
      {cause.data && model && cause.data.recordId !== null ? (
        <span>
          {causeText(entry, cause.data)}{" "}
          <Link to={`${recordPath(model.key, cause.data.recordId)}/history`}>
            {model.label} “{entryRecordName(cause.data, model)}”
          </Link>
        </span>
      ) : (
        <span className="faint">{cause.isError ? "Followed from another change" : "Loading…"}</span>
      )}
    </p>
  );
}
