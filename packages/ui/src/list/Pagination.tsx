import { perPageChoices } from "@atrium/client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useId } from "react";
import { formatCount } from "../format/formatCount.js";

export interface PaginationProps {
  page: number;
  perPage: number;
  rowCount: number;
  total: number | null;
  totalIsEstimate: boolean;
  onPage: (page: number) => void;
  onPerPage: (perPage: number) => void;
}

export function Pagination({
  page,
  perPage,
  rowCount,
  total,
  totalIsEstimate,
  onPage,
  onPerPage,
}: PaginationProps) {
  const selectId = useId();
  const first = rowCount === 0 ? 0 : (page - 1) * perPage + 1;
  const last = (page - 1) * perPage + rowCount;
  // Without an exact total, a full page is the only hint that another one exists.
  const hasNext = total !== null && !totalIsEstimate ? last < total : rowCount === perPage;
  const pageCount = total !== null && !totalIsEstimate ? Math.max(1, Math.ceil(total / perPage)) : undefined;
  const choices = perPageChoices.includes(perPage as (typeof perPageChoices)[number])
    ? perPageChoices
    : [...perPageChoices, perPage];
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
          onClick={() => onPage(page - 1)}
          disabled={page <= 1}
          aria-label="Previous page"
        >
          <ChevronLeft size={15} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="button button-small icon-button"
          onClick={() => onPage(page + 1)}
          disabled={!hasNext}
          aria-label="Next page"
        >
          <ChevronRight size={15} aria-hidden="true" />
        </button>
      </div>
    </nav>
  );
}
