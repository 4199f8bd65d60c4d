import { type FilterEntry, type ListState, useRecord } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { X } from "lucide-react";
import { isDateOnly, relatedModel } from "../format/fieldKinds.js";
import { formatDateOnly, formatDateTime } from "../format/formatDate.js";

const opText: Record<FilterEntry["op"], string> = {
  eq: "is",
  neq: "is not",
  in: "is any of",
  lt: "<",
  lte: "≤",
  gt: ">",
  gte: "≥",
  contains: "contains",
  startsWith: "starts with",
  isNull: "",
};

const localDate = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** Day-preset bounds (local midnight, or the last millisecond of a day) read best as plain dates. */
function dateText(field: FieldMeta, value: string): string {
  if (isDateOnly(field)) return formatDateOnly(value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = [date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()].join(":");
  return time === "0:0:0:0" || time === "23:59:59:999" ? localDate.format(date) : formatDateTime(value);
}

function valueText(field: FieldMeta | undefined, filter: FilterEntry, relatedLabel?: string): string {
  if (relatedLabel) return relatedLabel;
  if (field?.type === "Boolean") return filter.value === "true" ? "Yes" : "No";
  if (field?.type === "DateTime") return dateText(field, filter.value);
  if (filter.op === "in") return filter.value.split(",").join(", ");
  if (filter.op === "contains" || filter.op === "startsWith") return `“${filter.value}”`;
  return filter.value;
}

/** One chip: a single filter, or a lower and upper bound on the same field shown as a range. */
interface ChipItem {
  key: string;
  filters: FilterEntry[];
}

function groupRanges(filters: FilterEntry[]): ChipItem[] {
  const items: ChipItem[] = [];
  for (const filter of filters) {
    const partnerOp = filter.op === "gte" ? "lte" : filter.op === "lte" ? "gte" : undefined;
    const group = partnerOp
      ? items.find(
          (item) =>
            item.filters.length === 1 &&
            item.filters[0]?.path === filter.path &&
            item.filters[0]?.op === partnerOp,
        )
      : undefined;
    if (group) group.filters.push(filter);
    else items.push({ key: `${filter.path}.${filter.op}`, filters: [filter] });
  }
  return items;
}

function describe(
  item: ChipItem,
  field: FieldMeta | undefined,
  label: string,
  relatedLabel?: string,
): string {
  const [first, second] = item.filters as [FilterEntry, FilterEntry | undefined];
  if (second) {
    const low = first.op === "gte" ? first : second;
    const high = first.op === "gte" ? second : first;
    return `${label} ${valueText(field, low)} – ${valueText(field, high)}`;
  }
  if (first.op === "isNull") return `${label} ${first.value === "true" ? "is empty" : "is not empty"}`;
  return `${label} ${opText[first.op]} ${valueText(field, first, relatedLabel)}`;
}

function Chip({
  item,
  model,
  models,
  onRemove,
}: {
  item: ChipItem;
  model: ModelMeta;
  models: ModelMeta[];
  onRemove: () => void;
}) {
  const filter = item.filters[0] as FilterEntry;
  const [head] = filter.path.split(".");
  const field = model.fields.find((candidate) => candidate.name === head);
  const related =
    field?.kind === "relation" && filter.path === head && filter.op !== "isNull"
      ? relatedModel(field, models)
      : undefined;
  const ids = related ? filter.value.split(",") : [];
  const record = useRecord(related?.key, ids.length === 1 ? ids[0] : undefined);
  const label = filter.path === head ? (field?.label ?? filter.path) : filter.path;
  const text = describe(
    item,
    field,
    label,
    record.data?.$label ?? (ids.length > 1 ? `${ids.length} records` : undefined),
  );
  return (
    <span className="chip">
      <span title={text}>{text}</span>
      <button type="button" onClick={onRemove} aria-label={`Remove filter: ${text}`}>
        <X size={12} aria-hidden="true" />
      </button>
    </span>
  );
}

/** Active filters as removable chips, so what narrows the list is always visible. */
export function FilterChips({
  model,
  models,
  state,
  onChange,
}: {
  model: ModelMeta;
  models: ModelMeta[];
  state: ListState;
  onChange: (next: ListState) => void;
}) {
  if (state.filters.length === 0) return null;
  const items = groupRanges(state.filters);
  return (
    <ul className="chips" style={{ marginBottom: 12 }} aria-label="Active filters">
      {items.map((item) => (
        <li key={item.key}>
          <Chip
            item={item}
            model={model}
            models={models}
            onRemove={() =>
              onChange({
                ...state,
                filters: state.filters.filter((filter) => !item.filters.includes(filter)),
                page: 1,
              })
            }
          />
        </li>
      ))}
      {items.length > 1 && (
        <li>
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => onChange({ ...state, filters: [], page: 1 })}
          >
            Clear all
          </button>
        </li>
      )}
    </ul>
  );
}
