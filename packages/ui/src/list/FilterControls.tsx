import { filterValue, type ListState, useRecord, withFilter } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { useEffect, useId, useRef, useState } from "react";
import { RecordPicker } from "../components/RecordPicker.js";
import { isDateOnly } from "../format/fieldKinds.js";
import { boundToDay, datePresets, dayBounds } from "./datePresets.js";

export interface FilterControlProps {
  field: FieldMeta;
  state: ListState;
  onChange: (next: ListState) => void;
}

/** A text input that commits after a pause, on Enter or on blur, and follows outside changes (chip removal). */
function DebouncedInput({
  value,
  onCommit,
  ...rest
}: { value: string; onCommit: (value: string) => void } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  "value" | "onChange"
>) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  useEffect(() => {
    committed.current = value;
    setText(value);
  }, [value]);
  const commit = (next: string) => {
    if (next.trim() === committed.current) return;
    committed.current = next.trim();
    onCommit(next.trim());
  };
  useEffect(() => {
    const timer = setTimeout(() => commit(text), 500);
    return () => clearTimeout(timer);
  });
  return (
    <input
      {...rest}
      className="input"
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => commit(text)}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit(text);
      }}
    />
  );
}

export function BooleanFilter({ field, state, onChange }: FilterControlProps) {
  const name = useId();
  const isEmpty = filterValue(state, field.name, "isNull") === "true";
  const current = isEmpty ? "empty" : (filterValue(state, field.name, "eq") ?? "any");
  const options = [
    ["any", "Any"],
    ["true", "Yes"],
    ["false", "No"],
    ...(field.isRequired ? [] : [["empty", "Empty"]]),
  ] as const;
  const choose = (choice: string) => {
    let next = withFilter(withFilter(state, field.name, "eq", undefined), field.name, "isNull", undefined);
    if (choice === "true" || choice === "false") next = withFilter(next, field.name, "eq", choice);
    if (choice === "empty") next = withFilter(next, field.name, "isNull", "true");
    onChange(next);
  };
  return (
    <div className="segmented" role="radiogroup" aria-label={field.label}>
      {options.map(([value, label]) => (
        <label key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={current === value}
            onChange={() => choose(value)}
          />
          <span>{label}</span>
        </label>
      ))}
    </div>
  );
}

export function EnumFilter({ field, state, onChange }: FilterControlProps) {
  const selected = new Set((filterValue(state, field.name, "in") ?? "").split(",").filter(Boolean));
  const toggle = (value: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(value);
    else next.delete(value);
    onChange(withFilter(state, field.name, "in", [...next].join(",")));
  };
  return (
    <div className="filter-options">
      {(field.enumValues ?? []).map((value) => (
        <label key={value}>
          <input
            type="checkbox"
            className="checkbox"
            checked={selected.has(value)}
            onChange={(event) => toggle(value, event.target.checked)}
          />
          {value}
        </label>
      ))}
    </div>
  );
}

export function TextFilter({ field, state, onChange }: FilterControlProps) {
  return (
    <DebouncedInput
      type="search"
      aria-label={`${field.label} contains`}
      placeholder="Contains…"
      value={filterValue(state, field.name, "contains") ?? ""}
      onCommit={(value) => onChange(withFilter(state, field.name, "contains", value))}
    />
  );
}

export function NumberFilter({ field, state, onChange }: FilterControlProps) {
  const integer = field.type === "Int" || field.type === "BigInt";
  return (
    <div className="filter-range">
      {(["gte", "lte"] as const).map((op) => (
        <div key={op}>
          <span aria-hidden="true">{op === "gte" ? "Min" : "Max"}</span>
          <DebouncedInput
            inputMode={integer ? "numeric" : "decimal"}
            pattern={integer ? "-?[0-9]*" : "-?[0-9]*[.]?[0-9]*"}
            aria-label={`${field.label} ${op === "gte" ? "minimum" : "maximum"}`}
            value={filterValue(state, field.name, op) ?? ""}
            onCommit={(value) => {
              // Sent as typed: BigInt and Decimal bounds must keep every digit.
              if (value === "" || /^-?\d+(\.\d+)?$/.test(value))
                onChange(withFilter(state, field.name, op, value));
            }}
          />
        </div>
      ))}
    </div>
  );
}

export function DateFilter({ field, state, onChange }: FilterControlProps) {
  const dateOnly = isDateOnly(field);
  const from = boundToDay(filterValue(state, field.name, "gte"), dateOnly);
  const to = boundToDay(filterValue(state, field.name, "lte"), dateOnly);
  const setRange = (nextFrom: string, nextTo: string) => {
    let next = withFilter(
      state,
      field.name,
      "gte",
      nextFrom ? dayBounds(nextFrom, "start", dateOnly) : undefined,
    );
    next = withFilter(next, field.name, "lte", nextTo ? dayBounds(nextTo, "end", dateOnly) : undefined);
    onChange(next);
  };
  return (
    <>
      <div className="filter-range">
        <div>
          <span aria-hidden="true">From</span>
          <input
            type="date"
            className="input"
            aria-label={`${field.label} from`}
            value={from}
            max={to || undefined}
            onChange={(event) => setRange(event.target.value, to)}
          />
        </div>
        <div>
          <span aria-hidden="true">To</span>
          <input
            type="date"
            className="input"
            aria-label={`${field.label} to`}
            value={to}
            min={from || undefined}
            onChange={(event) => setRange(from, event.target.value)}
          />
        </div>
      </div>
      <div className="filter-presets">
        {datePresets.map((preset) => {
          const range = preset.range(new Date());
          const active = range.from === from && range.to === to;
          return (
            <button
              key={preset.label}
              type="button"
              className={active ? "button button-small button-primary" : "button button-small"}
              aria-pressed={active}
              aria-label={`${field.label}: ${inSentence(preset.label)}`}
              onClick={() => (active ? setRange("", "") : setRange(range.from, range.to))}
            >
              {preset.label}
            </button>
          );
        })}
      </div>
    </>
  );
}

export function RelationFilter({
  field,
  state,
  onChange,
  related,
}: FilterControlProps & { related: ModelMeta }) {
  // To-many (many-to-many) relations match records linked to any of the chosen ones.
  const op = field.relation?.toMany ? "in" : "eq";
  const id = useId();
  const ids = (filterValue(state, field.name, op) ?? "").split(",").filter(Boolean);
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {field.label}
      </label>
      <RelationFilterPicker
        id={id}
        modelKey={related.key}
        ids={ids}
        multiple={op === "in"}
        onChange={(next) => onChange(withFilter(state, field.name, op, next.join(",")))}
      />
    </>
  );
}

function RelationFilterPicker({
  id,
  modelKey,
  ids,
  multiple,
  onChange,
}: {
  id: string;
  modelKey: string;
  ids: string[];
  multiple: boolean;
  onChange: (ids: string[]) => void;
}) {
  const labels = useRelatedLabels(modelKey, ids);
  return (
    <RecordPicker
      id={id}
      modelKey={modelKey}
      multiple={multiple}
      value={ids.map((recordId, index) => ({ $id: recordId, $label: labels[index] ?? recordId }))}
      onChange={(refs) => onChange(refs.map((ref) => ref.$id))}
    />
  );
}

/** Labels for ids that come from the URL; only the first one is fetched, the rest show as ids until picked. */
export function useRelatedLabels(modelKey: string, ids: string[]): (string | undefined)[] {
  const first = useRecord(modelKey, ids[0]);
  return ids.map((_, index) => (index === 0 ? first.data?.$label : undefined));
}

export function NullFilter({ field, state, onChange }: FilterControlProps) {
  const value = filterValue(state, field.name, "isNull") ?? "";
  return (
    <select
      className="select"
      aria-label={`${field.label}: empty or not`}
      value={value}
      onChange={(event) => onChange(withFilter(state, field.name, "isNull", event.target.value))}
      style={{ marginTop: 6 }}
    >
      <option value="">Empty or not</option>
      <option value="true">Is empty</option>
      <option value="false">Is not empty</option>
    </select>
  );
}
