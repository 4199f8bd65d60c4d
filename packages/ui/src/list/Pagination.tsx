import { perPageChoices as defaultChoices } from "@atrium/client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useId } from "react";
import { formatCount } from "../format/formatCount.js";

export interface PaginationProps {
  page: number;
  perPage: number;
  rowCount: number;
  total: number | null;
  totalIsEstimate: boolean;
  /** The list answer's cursors: Next and Previous page by them when given (null: no page that way). */
  nextCursor?: string | null;
  prevCursor?: string | null;
  /** `cursor` is set when the page is reached by Next or Previous with a cursor, not by its number. */
  onPage: (page: number, cursor?: string) => void;
  onPerPage: (perPage: number) => void;
  /** The page sizes offered. @default [10, 25, 50, 100] (the model's `list.perPageChoices` when configured) */
  perPageChoices?: readonly number[];
}

/** Page numbers are offered for the first pages only: a deep offset page costs the database more each page. */
const shallowPages = 5;

export function Pagination({
  page,
  perPage,
  rowCount,
  total,
  totalIsEstimate,
  nextCursor,
  prevCursor,
  onPage,
  onPerPage,
  perPageChoices = defaultChoices,
}: PaginationProps) {
  const selectId = useId();
  const first = rowCount === 0 ? 0 : (page - 1) * perPage + 1;
  const last = (page - 1) * perPage + rowCount;
  // Without an exact total, a full page is the only hint that another one exists.
  const counted = total !== null && !totalIsEstimate ? last < total : rowCount === perPage;
  const hasNext = nextCursor === undefined ? counted : nextCursor !== null;
  const pageCount = total !== null && !totalIsEstimate ? Math.max(1, Math.ceil(total / perPage)) : undefined;
  const numbered = Array.from({ length: Math.min(pageCount ?? 0, shallowPages) }, (_, index) => index + 1);
  // Back to page 1 by its number (it is page 1 whatever changed since); other steps by cursor when there is one.
  const previous = () => onPage(page - 1, page - 1 > 1 ? (prevCursor ?? undefined) : undefined);
  const next = () => onPage(page + 1, nextCursor ?? undefined);
  const choices = perPageChoices.includes(perPage)
    ? perPageChoices
    : [...perPageChoices, perPage].sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label="Pagination">
      <div className="pagination-group">
        <label htmlFor={selectId}>Rows per page</label>
        <select
          id={selectId}
          className="select"
          value={perPage}
          onChange={(event) => onPerPage(Number(event.target.value))}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </div>
      <div className="pagination-group">
        <span className="num" aria-live="polite">
          {first.toLocaleString()}–{last.toLocaleString()} of {formatCount(total, totalIsEstimate)}
          {pageCount !== undefined && pageCount > 1 && ` · page ${page} of ${pageCount.toLocaleString()}`}
        </span>
        <button
          type="button"
          className="button button-small icon-button"
          onClick={previous}
          disabled={page <= 1}
          aria-label="Previous page"
        >
          <ChevronLeft size={15} aria-hidden="true" />
        </button>
        {numbered.length > 1 &&
          numbered.map((number) => (
            <button
              key={number}
              type="button"
              className="button button-small"
              onClick={() => onPage(number)}
              aria-label={`Page ${number}`}
              aria-current={number === page ? "page" : undefined}
              disabled={number === page}
            >
              {number}
            </button>
          ))}
        <button
          type="button"
          className="button button-small icon-button"
          onClick={next}
          disabled={!hasNext}
          aria-label="Next page"
        >
          <ChevronRight size={15} aria-hidden="true" />
        </button>
      </div>
    </nav>
  );
}
