import { PageHeader, useCounts, useRouteQuery } from "atrium/client";
import { useState } from "react";

/** The dev server test edits the line below and expects the open page to show the new text without a reload. */
const boardText = "Version one of the board";

export default function NotesBoard() {
  const counts = useCounts();
  const motto = useRouteQuery<{ motto: string }>("board", "/motto");
  // Kept across a hot update of this file: the test clicks once, edits the file, and still sees 1.
  const [clicks, setClicks] = useState(0);
  return (
    <>
      <PageHeader title="Notes board" />
      <p data-testid="board-text">{boardText}</p>
      <p data-testid="motto">{motto.data?.motto ?? "…"}</p>
      <p data-testid="note-count">{counts.data ? `${counts.data.note?.total ?? 0} notes` : "Counting…"}</p>
      <button type="button" onClick={() => setClicks(clicks + 1)}>
        Clicked {clicks}
      </button>
    </>
  );
}
