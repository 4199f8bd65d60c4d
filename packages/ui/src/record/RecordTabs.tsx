import { NavLink } from "react-router";
import { recordPath } from "../format/fieldKinds.js";

/** "Details | History" under a record's title; each tab is a URL so history can be linked and bookmarked. */
export function RecordTabs({ modelKey, id }: { modelKey: string; id: string }) {
  const base = recordPath(modelKey, id);
  return (
    <nav className="record-tabs" aria-label="Record views">
      <NavLink to={base} end className="record-tab">
        Details
      </NavLink>
      <NavLink to={`${base}/history`} className="record-tab">
        History
      </NavLink>
    </nav>
  );
}
