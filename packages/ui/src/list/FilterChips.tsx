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

function valueText(field: FieldMeta | undefined, filter: FilterEntry, relatedLabel?: string): string {
  if (filter.op === "isNull") return filter.value === "true" ? "is empty" : "is not empty";
  if (relatedLabel) return relatedLabel;
  if (field?.type === "Boolean") return filter.value === "true" ? "Yes" : "No";
  if (field?.type === "DateTime")
    return isDateOnly(field) ? formatDateOnly(filter.value) : formatDateTime(filter.value);
  if (filter.op === "in") return filter.value.split(",").join(", ");
  if (filter.op === "contains" || filter.op === "startsWith") return `“${filter.value}”`;
  return filter.value;
}

function Chip({
  filter,
  model,
  models,
  onRemove,
}: {
  filter: FilterEntry;
  model: ModelMeta;
  models: ModelMeta[];
  onRemove: () => void;
}) {
  const [head] = filter.path.split(".");
  const field = model.fields.find((candidate) => candidate.name === head);
  const related =
    field?.kind === "relation" && filter.path === head ? relatedModel(field, models) : undefined;
  const ids = related ? filter.value.split(",") : [];
  const record = useRecord(related?.key, ids.length === 1 ? ids[0] : undefined);
  const fieldLabel = filter.path === head ? (field?.label ?? filter.path) : filter.path;
  const text =
    filter.op === "isNull"
      ? `${fieldLabel} ${valueText(field, filter)}`
      : `${fieldLabel} ${opText[filter.op]} ${valueText(field, filter, record.data?.$label ?? (ids.length > 1 ? `${ids.length} records` : undefined))}`;
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
  return (
    <ul className="chips" style={{ marginBottom: 12 }} aria-label="Active filters">
      {state.filters.map((filter, index) => (
        <li key={`${filter.path}.${filter.op}`}>
          <Chip
            filter={filter}
            model={model}
            models={models}
            onRemove={() =>
              onChange({ ...state, filters: state.filters.filter((_, other) => other !== index), page: 1 })
            }
          />
        </li>
      ))}
      {state.filters.length > 1 && (
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
