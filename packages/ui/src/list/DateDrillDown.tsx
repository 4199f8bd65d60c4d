import { filterValue, type ListState, useRecordList, withFilter } from "@atrium/client";
import { type FieldMeta, inSentence, isDateOnly, type ModelMeta } from "@atrium/core";
import { CalendarDays } from "lucide-react";
import { drillChoices, drillCrumbs, drillLevel, drillTitle } from "./dateDrillDown.js";
import { boundToDay, type DateRange, dayBounds } from "./datePresets.js";

export interface DateDrillDownProps {
  model: ModelMeta;
  field: FieldMeta;
  state: ListState;
  onChange: (state: ListState) => void;
}

/**
 * Years, then months, then days of the configured date field (`list.dateHierarchy`), between the first and
 * last date of the list as searched and filtered otherwise. Each link sets the list's own date-range filter on
 * the field; the first and last dates are two one-row pages sorted by the field, which its index serves.
 */
export function DateDrillDown({ model, field, state, onChange }: DateDrillDownProps) {
  const dateOnly = isDateOnly(field);
  const range: DateRange = {
    from: boundToDay(filterValue(state, field.name, "gte"), dateOnly),
    to: boundToDay(filterValue(state, field.name, "lte"), dateOnly),
  };
  const level = drillLevel(range);
  const others = state.filters.filter((filter) => filter.path !== field.name);
  const edge = (direction: "asc" | "desc"): ListState => ({
    page: 1,
    perPage: 1,
    q: state.q,
    sort: [{ field: field.name, direction }],
    // Empty dates sort first or last depending on the database: leave them out of both ends.
    filters: field.isRequired ? others : [...others, { path: field.name, op: "isNull", value: "false" }],
  });
  const first = useRecordList(model.key, edge("asc"));
  const last = useRecordList(model.key, edge("desc"));
  const dayOf = (rows: Record<string, unknown>[] | undefined) => {
    const value = rows?.[0]?.[field.name];
    return typeof value === "string" ? boundToDay(value, dateOnly) : "";
  };
  const choices = drillChoices(level, dayOf(first.data?.data), dayOf(last.data?.data));
  const crumbs = drillCrumbs(level);
  const title = drillTitle(level);
  const choose = (chosen: DateRange) => {
    let next = withFilter(
      state,
      field.name,
      "gte",
      chosen.from ? dayBounds(chosen.from, "start", dateOnly) : undefined,
    );
    next = withFilter(next, field.name, "lte", chosen.to ? dayBounds(chosen.to, "end", dateOnly) : undefined);
    onChange(next);
  };
  if (crumbs.length === 0 && choices.length === 0) return null;
  return (
    <nav className="date-drill" aria-label={`${model.labelPlural} by ${inSentence(field.label)}`}>
      <CalendarDays size={14} aria-hidden="true" />
      {crumbs.map((crumb) => (
        <button
          key={crumb.label}
          type="button"
          className="date-drill-link"
          onClick={() => choose(crumb.range)}
        >
          ‹ {crumb.label}
        </button>
      ))}
      {title && (
        <span className="date-drill-current" aria-current="true">
          {title}
        </span>
      )}
      {choices.map((choice) => (
        <button
          key={choice.label}
          type="button"
          className="date-drill-link"
          onClick={() => choose(choice.range)}
        >
          {choice.label}
        </button>
      ))}
    </nav>
  );
}
