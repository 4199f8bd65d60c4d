import type { Row, SortEntry } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import type { MouseEvent } from "react";
import { Link } from "react-router";
import { Skeleton } from "../components/StateViews.js";
import { isNumeric, recordPath, sortPath } from "../format/fieldKinds.js";
import { RecordCell } from "../format/RecordCell.js";
import { ComputedCell, isNumericComputed } from "./ComputedCell.js";
import { EditableCell } from "./EditableCell.js";
import { isComputedColumn, type ListColumn } from "./listCells.js";
import type { TableEdits } from "./useListEdits.js";

export interface DataTableProps {
  model: ModelMeta;
  models: ModelMeta[];
  /** Fields and computed columns (listCells.ts), in order. */
  columns: ListColumn[];
  rows: Row[] | undefined;
  sort: SortEntry[];
  onSort: (field: string, additive: boolean) => void;
  selected: Set<string>;
  onSelect: (ids: string[], selected: boolean) => void;
  loadingRows?: number;
  /** Row checkboxes for bulk actions. @default true */
  selectable?: boolean;
  /**
   * Whether a column's sort (its sort path) is offered: a big list accepts only sorts an index serves, so the
   * others are plain headers. @default every sortable column
   */
  sortOffered?: (path: string) => boolean;
  /** Inputs in the `list.editable` columns (useListEdits). @default plain cells */
  edits?: TableEdits | undefined;
}

function SortHeader({
  label,
  path,
  sort,
  onSort,
}: {
  label: string;
  path: string;
  sort: SortEntry[];
  onSort: DataTableProps["onSort"];
}) {
  const index = sort.findIndex((entry) => entry.field === path);
  const entry = sort[index];
  const Icon = !entry ? ChevronsUpDown : entry.direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <button
      type="button"
      className="sort-button"
      onClick={(event: MouseEvent) => onSort(path, event.shiftKey)}
      title="Click to sort; Shift+click to add a sort column"
    >
      {label}
      <Icon size={13} aria-hidden="true" style={{ opacity: entry ? 1 : 0.4 }} />
      {/* Hidden from the accessible name: a column header must keep its name while the sort changes. */}
      {entry && sort.length > 1 && (
        <span className="sort-rank" aria-hidden="true">
          {index + 1}
        </span>
      )}
    </button>
  );
}

/** Sort path of a column: a field's (sortPath), a computed count's name; other computed columns have none. */
function sortPathOf(column: ListColumn, models: ModelMeta[]): string | undefined {
  if (!isComputedColumn(column)) return sortPath(column, models);
  return column.sortable ? column.name : undefined;
}

function numeric(column: ListColumn): boolean {
  return isComputedColumn(column) ? isNumericComputed(column) : isNumeric(column);
}

/**
 * A semantic table of records: sortable headers carry `aria-sort`, the title cell links to the record, and
 * cells go through the registry's cell widgets.
 */
export function DataTable({
  model,
  models,
  columns,
  rows,
  sort,
  onSort,
  selected,
  onSelect,
  loadingRows = 8,
  selectable = true,
  sortOffered = () => true,
  edits,
}: DataTableProps) {
  const ids = rows?.map((row) => row.$id) ?? [];
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const someSelected = ids.some((id) => selected.has(id));
  return (
    <div className="table-scroll">
      <table className="data-table" aria-busy={rows === undefined} aria-label={model.labelPlural}>
        <thead>
          <tr>
            {selectable && (
              <th className="cell-select" scope="col">
                <input
                  type="checkbox"
                  className="checkbox"
                  aria-label="Select all rows on this page"
                  checked={allSelected}
                  ref={(input) => {
                    if (input) input.indeterminate = someSelected && !allSelected;
                  }}
                  onChange={(event) => onSelect(ids, event.target.checked)}
                  disabled={ids.length === 0}
                />
              </th>
            )}
            {columns.map((field) => {
              const sortable = sortPathOf(field, models);
              const path = sortable && sortOffered(sortable) ? sortable : undefined;
              const entry = path ? sort.find((candidate) => candidate.field === path) : undefined;
              return (
                <th
                  key={field.name}
                  scope="col"
                  className={numeric(field) ? "cell-number" : undefined}
                  aria-sort={
                    entry
                      ? entry.direction === "asc"
                        ? "ascending"
                        : "descending"
                      : path
                        ? "none"
                        : undefined
                  }
                >
                  {path ? (
                    <SortHeader label={field.label} path={path} sort={sort} onSort={onSort} />
                  ) : sortable ? (
                    <span title="This list is too big to sort by this column: it has no index">
                      {field.label}
                    </span>
                  ) : isComputedColumn(field) && field.kind === "aggregate" ? (
                    <span title="A computed average, sum, lowest or highest cannot be sorted">
                      {field.label}
                    </span>
                  ) : (
                    field.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows === undefined
            ? Array.from({ length: loadingRows }, (_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                <tr key={index}>
                  {selectable && (
                    <td className="cell-select">
                      <Skeleton width={16} height={16} />
                    </td>
                  )}
                  {columns.map((field, column) => (
                    <td key={field.name}>
                      <Skeleton width={column === 0 ? "70%" : `${40 + ((index * 7 + column * 13) % 40)}%`} />
                    </td>
                  ))}
                </tr>
              ))
            : rows.map((row) => (
                <tr key={row.$id} aria-selected={selectable ? selected.has(row.$id) : undefined}>
                  {selectable && (
                    <td className="cell-select">
                      <input
                        type="checkbox"
                        className="checkbox"
                        aria-label={`Select ${row.$label}`}
                        checked={selected.has(row.$id)}
                        onChange={(event) => onSelect([row.$id], event.target.checked)}
                      />
                    </td>
                  )}
                  {columns.map((field, column) => (
                    <td
                      key={field.name}
                      className={column === 0 ? "cell-title" : numeric(field) ? "cell-number" : undefined}
                    >
                      {isComputedColumn(field) ? (
                        <ComputedCell column={field} row={row} />
                      ) : edits?.fields.has(field.name) && column > 0 ? (
                        <EditableCell
                          field={field}
                          row={row}
                          text={edits.text(row.$id, field.name)}
                          error={edits.error(row.$id, field.name)}
                          onEdit={(text) => edits.onEdit(row.$id, field.name, text)}
                        />
                      ) : column === 0 ? (
                        <Link to={recordPath(model.key, row.$id)}>
                          {row[field.name] === null ||
                          row[field.name] === undefined ||
                          row[field.name] === "" ? (
                            row.$label || row.$id
                          ) : (
                            <RecordCell model={model} field={field} record={row} models={models} />
                          )}
                        </Link>
                      ) : (
                        <RecordCell model={model} field={field} record={row} models={models} />
                      )}
                    </td>
                  ))}
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}
