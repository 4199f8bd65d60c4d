import type { HistoryAction, HistoryFilter } from "@atrium/client";
import { useMeta } from "@atrium/client";
import { useEffect, useId, useState } from "react";
import { useSearchParams } from "react-router";
import { PageHeader } from "../components/StateViews.js";
import { useDebouncedValue } from "../components/useDebouncedValue.js";
import { HistoryFeed } from "./HistoryFeed.js";
import { historyActions } from "./historyFormat.js";

/** The filters of `/history` as they sit in the URL (`?model=book&action=update&actor=…`). */
export function historyFilterFromSearch(search: URLSearchParams): HistoryFilter {
  const filter: HistoryFilter = {};
  const model = search.get("model");
  if (model) filter.model = model;
  const action = search.get("action");
  if (action && historyActions.some(([value]) => value === action)) filter.action = action as HistoryAction;
  const actor = search.get("actor");
  if (actor) filter.actor = actor;
  return filter;
}

/** `/history`: every recorded change of every model, filterable, newest first. */
export function HistoryPage() {
  const meta = useMeta();
  const [search, setSearch] = useSearchParams();
  const filter = historyFilterFromSearch(search);
  const [actor, setActor] = useState(filter.actor ?? "");
  const debouncedActor = useDebouncedValue(actor.trim(), 300);
  const ids = { model: useId(), action: useId(), actor: useId() };
  const setParam = (name: string, value: string) => {
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  };
  // The actor box is typed into: the URL follows once typing pauses, not on every key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: setParam is rebuilt each render; the value is what matters
  useEffect(() => {
    if (debouncedActor !== (search.get("actor") ?? "")) setParam("actor", debouncedActor);
  }, [debouncedActor]);
  const filtered = Object.keys(filter).length > 0;
  return (
    <>
      <PageHeader title="History" description="Every change made through the admin, newest first." />
      <section className="history-filters card card-body" aria-label="Filter history">
        <div className="history-filter">
          <label htmlFor={ids.model}>Model</label>
          <select
            id={ids.model}
            className="select"
            value={filter.model ?? ""}
            onChange={(event) => setParam("model", event.target.value)}
          >
            <option value="">All models</option>
            {(meta.data?.models ?? []).map((model) => (
              <option key={model.key} value={model.key}>
                {model.labelPlural}
              </option>
            ))}
          </select>
        </div>
        <div className="history-filter">
          <label htmlFor={ids.action}>Action</label>
          <select
            id={ids.action}
            className="select"
            value={filter.action ?? ""}
            onChange={(event) => setParam("action", event.target.value)}
          >
            <option value="">All actions</option>
            {historyActions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="history-filter">
          <label htmlFor={ids.actor}>Actor (user id)</label>
          <input
            id={ids.actor}
            className="input"
            type="search"
            value={actor}
            placeholder="Anyone"
            onChange={(event) => setActor(event.target.value)}
          />
        </div>
        {filtered && (
          <button
            type="button"
            className="button button-ghost history-clear"
            onClick={() => {
              setActor("");
              setSearch(new URLSearchParams(), { replace: true });
            }}
          >
            Clear filters
          </button>
        )}
      </section>
      <HistoryFeed
        key={JSON.stringify(filter)}
        // What a delete took with it is listed under the delete, unless a model is asked for: then all of its.
        filter={filter.model ? filter : { ...filter, top: true }}
        showRecord
        emptyText={filtered ? "No history entry matches these filters" : "Nothing has been changed yet"}
      />
    </>
  );
}
