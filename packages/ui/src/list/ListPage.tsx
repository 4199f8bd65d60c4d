import {
  type AdminMeta,
  isApiError,
  type ListDefaults,
  type ListState,
  listDefaults,
  permissionsOf,
  toggleSort,
  useModel,
  useRecordList,
} from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { Filter, Plus } from "lucide-react";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { UnknownModelPage } from "../auth/UnknownModelPage.js";
import { EmptyState, ErrorState, PageHeader, Skeleton } from "../components/StateViews.js";
import { ExportMenu } from "../exchange/ExportMenu.js";
import { ImportButton } from "../exchange/ImportDialog.js";
import { formatCount } from "../format/formatCount.js";
import { GenerateButton } from "../generate/GenerateDialog.js";
import { SlotItems } from "../slots/SlotItems.js";
import { AddBlockedNote } from "./AddBlockedNote.js";
import { DataTable } from "./DataTable.js";
import { DateDrillDown } from "./DateDrillDown.js";
import { FilterChips } from "./FilterChips.js";
import { FilterPanel } from "./FilterPanel.js";
import { listCells } from "./listCells.js";
import { Pagination } from "./Pagination.js";
import { SearchBox } from "./SearchBox.js";
import { SelectionBar } from "./SelectionBar.js";
import { searchedFields } from "./searchedFields.js";
import { sortOffered } from "./sortOffered.js";
import { useListEdits } from "./useListEdits.js";
import { useListState } from "./useListState.js";

export function ListPage() {
  const { modelKey = "" } = useParams();
  const { model, data: meta, isUnknown, error, isError } = useModel(modelKey);
  if (isError) return <ErrorState error={error} title="Could not load the schema" />;
  if (isUnknown) return <UnknownModelPage modelKey={modelKey} />;
  if (!model || !meta) return <Skeleton width="30%" height={22} />;
  return <ModelList key={model.key} model={model} meta={meta} />;
}

/**
 * A header click; over a configured default ordering there is no "unsorted" step (it would look the same as the
 * default), so turning a sort off sorts by the clicked column instead.
 */
function sortToggled(state: ListState, defaults: ListDefaults, field: string, additive: boolean): ListState {
  const next = toggleSort(state.sort.length > 0 ? state : { ...state, sort: defaults.sort }, field, additive);
  if (next.sort.length > 0 || defaults.sort.length === 0) return next;
  return { ...next, sort: [{ field, direction: "asc" }] };
}

function ModelList({ model, meta }: { model: ModelMeta; meta: AdminMeta }) {
  const models = meta.models;
  const defaults = useMemo(() => listDefaults(model), [model]);
  const [state, setState] = useListState(defaults);
  const list = useRecordList(model.key, state);
  const columns = useMemo(() => listCells(model), [model]);
  // Without a sort in the URL the server sorts by the model's configured ordering: the headers say so.
  const sort = state.sort.length > 0 ? state.sort : defaults.sort;
  // Mirrors the server: what the user may not do is not offered.
  const can = permissionsOf(model);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [filtersOpen, setFiltersOpen] = useState(state.filters.length > 0);
  const filterPanelId = useId();
  const drillField = model.fields.find((field) => field.name === model.admin?.list?.dateHierarchy);
  const stateKey = JSON.stringify(state);

  // A selection refers to rows on screen; a new page, sort or filter starts afresh.
  useEffect(() => {
    if (stateKey) setSelected(new Set());
  }, [stateKey]);

  const onSelect = useCallback((ids: string[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const onSearch = useCallback(
    (q: string) => setState({ ...state, q, page: 1 }, { replace: true }),
    [setState, state],
  );

  const data = list.data;
  const rows = list.isPending ? undefined : data?.data;
  const editing = useListEdits(model, rows, {
    canChange: can.change,
    resetKey: stateKey,
    onSaved: () => void list.refetch(),
  });
  const filtered = state.q !== "" || state.filters.length > 0;
  return (
    <>
      <PageHeader
        title={model.labelPlural}
        description={
          data
            ? `${formatCount(data.total, data.totalIsEstimate)} ${data.total === 1 ? inSentence(model.label) : inSentence(model.labelPlural)}${filtered ? " match" : ""}`
            : model.help
        }
        actions={
          <>
            <SlotItems slot="list.toolbar" props={{ model, selectedIds: [...selected] }} />
            <ExportMenu model={model} state={state} selectedIds={[...selected]} />
            {(can.add || can.change) && <ImportButton model={model} meta={meta} />}
            {can.add && <GenerateButton model={model} meta={meta} />}
            {can.add ? (
              <Link to={`/m/${model.key}/new`} className="button button-primary">
                <Plus size={15} aria-hidden="true" />
                Add {inSentence(model.label)}
              </Link>
            ) : (
              <AddBlockedNote model={model} />
            )}
          </>
        }
      />
      <div className="toolbar">
        {model.searchFields.length > 0 && (
          <SearchBox
            value={state.q}
            onSearch={onSearch}
            label={`Search ${inSentence(model.labelPlural)}`}
            searches={searchedFields(model)}
            match={data?.searchMatch}
          />
        )}
        <button
          type="button"
          className="button"
          aria-expanded={filtersOpen}
          aria-controls={filterPanelId}
          onClick={() => setFiltersOpen((open) => !open)}
        >
          <Filter size={14} aria-hidden="true" />
          Filters
          {state.filters.length > 0 && <span className="badge badge-accent">{state.filters.length}</span>}
        </button>
        <span className="toolbar-spacer" />
        <SelectionBar
          model={model}
          selected={selected}
          rows={rows}
          canDelete={can.delete}
          onClear={() => setSelected(new Set())}
          onChanged={() => void list.refetch()}
        />
      </div>
      <FilterChips model={model} models={models} state={state} onChange={setState} />
      {drillField && <DateDrillDown model={model} field={drillField} state={state} onChange={setState} />}
      <div className="list-layout" data-filters-open={filtersOpen}>
        <div className="card table-card">
          {list.isError && !data ? (
            <ErrorState
              error={list.error}
              title={`Could not load ${inSentence(model.labelPlural)}`}
              onRetry={() => list.refetch()}
            >
              {isApiError(list.error) && list.error.code === "sort_needs_index" && (
                <button
                  type="button"
                  className="button"
                  onClick={() => setState({ ...state, sort: [], page: 1 })}
                >
                  Back to the default order
                </button>
              )}
              {filtered && (
                <button
                  type="button"
                  className="button"
                  onClick={() => setState({ ...state, q: "", filters: [], page: 1 })}
                >
                  Clear search and filters
                </button>
              )}
            </ErrorState>
          ) : rows && rows.length === 0 ? (
            filtered ? (
              <EmptyState title="No matches" filtered>
                <p>No {inSentence(model.labelPlural)} match the search and filters.</p>
                <button
                  type="button"
                  className="button"
                  onClick={() => setState({ ...state, q: "", filters: [], page: 1 })}
                >
                  Clear search and filters
                </button>
              </EmptyState>
            ) : (
              <EmptyState title={`No ${inSentence(model.labelPlural)} yet`}>
                {can.add && (
                  <Link to={`/m/${model.key}/new`} className="button button-primary">
                    <Plus size={15} aria-hidden="true" />
                    Add the first {inSentence(model.label)}
                  </Link>
                )}
              </EmptyState>
            )
          ) : (
            <>
              {list.isError && (
                <p className="banner" role="alert">
                  Refreshing failed: {(list.error as Error).message}
                </p>
              )}
              {editing.bar}
              <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: "opacity 0.15s" }}>
                <DataTable
                  edits={editing.edits}
                  model={model}
                  models={models}
                  columns={columns}
                  rows={rows}
                  sort={sort}
                  onSort={(field, additive) => setState(sortToggled(state, defaults, field, additive))}
                  selected={selected}
                  onSelect={onSelect}
                  // Checkboxes where a selection can be acted on: delete, or a bulk action the user may run.
                  selectable={can.delete || (model.bulkActions ?? []).length > 0}
                  sortOffered={sortOffered(meta, model, data?.sortNeedsIndex)}
                  loadingRows={Math.min(state.perPage, 10)}
                />
              </div>
            </>
          )}
          {data && (data.data.length > 0 || state.page > 1) && (
            <Pagination
              page={state.page}
              perPage={state.perPage}
              rowCount={data.data.length}
              total={data.total}
              totalIsEstimate={data.totalIsEstimate}
              // While the next page loads, the rows shown are the last page's: so are their cursors.
              nextCursor={list.isPlaceholderData ? null : data.nextCursor}
              prevCursor={list.isPlaceholderData ? undefined : data.prevCursor}
              onPage={(page, cursor) => setState({ ...state, page, cursor })}
              onPerPage={(perPage) => setState({ ...state, perPage, page: 1 })}
              perPageChoices={defaults.perPageChoices}
            />
          )}
        </div>
        {filtersOpen && (
          <FilterPanel
            id={filterPanelId}
            model={model}
            models={models}
            state={state}
            onChange={setState}
            onClose={() => setFiltersOpen(false)}
          />
        )}
      </div>
    </>
  );
}
