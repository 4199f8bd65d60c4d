/**
 * A related record of a model the user may not view: the API labels it by its id and offers no page for it,
 * so it shows as its id with the reason there is no link (in lists only for assistive technology and on hover,
 * to keep cells short).
 */
export function NotVisibleRef({ id, full = false }: { id: string; full?: boolean }) {
  const reason = "not visible to you";
  return (
    <span title={full ? undefined : `${id}: ${reason}`}>
      <span className="num">{id}</span>
      {full ? <span className="faint"> ({reason})</span> : <span className="sr-only"> ({reason})</span>}
    </span>
  );
}
