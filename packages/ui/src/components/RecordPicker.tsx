import { type RecordRef, useLookup, useModel } from "@atrium/client";
import { X } from "lucide-react";
import { type KeyboardEvent, useId, useState } from "react";
import { pickerSearch } from "./pickerSearch.js";
import { useDebouncedValue } from "./useDebouncedValue.js";

export interface RecordPickerProps {
  /** URL key of the model searched through `GET /api/lookup/{key}`. */
  modelKey: string;
  /** DOM id of the text input (labels point at it). */
  id: string;
  value: RecordRef[];
  onChange: (value: RecordRef[]) => void;
  /** Several records (chips) or one. */
  multiple?: boolean;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
  onBlur?: () => void;
}

/**
 * An async autocomplete (ARIA combobox): typing searches the related model, arrows move, Enter picks.
 * Picked records show as removable chips, so one component serves to-one and many-to-many relations.
 */
export function RecordPicker({
  modelKey,
  id,
  value,
  onChange,
  multiple = false,
  disabled = false,
  invalid = false,
  describedBy,
  placeholder = "Search…",
  onBlur,
}: RecordPickerProps) {
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebouncedValue(text.trim(), 200);
  const { model } = useModel(modelKey);
  const { query, narrow } = pickerSearch(model, search);
  const lookup = useLookup(modelKey, query, open && !disabled);
  const listId = useId();
  const chosen = new Set(value.map((ref) => ref.$id));
  const options = narrow(lookup.data ?? []).filter((ref) => !chosen.has(ref.$id));

  const pick = (ref: RecordRef) => {
    onChange(multiple ? [...value, ref] : [ref]);
    setText("");
    setActive(0);
    if (!multiple) setOpen(false);
  };
  const remove = (ref: RecordRef) => onChange(value.filter((other) => other.$id !== ref.$id));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === "Enter" && open) {
      // Until the typed text's results arrive, the list still shows an older search's (debounce plus
      // keepPreviousData): Enter must not pick a record that does not match what was typed.
      if (search !== text.trim() || lookup.isPlaceholderData) {
        event.preventDefault();
        return;
      }
      const option = options[active];
      if (option) {
        event.preventDefault();
        pick(option);
      }
    } else if (event.key === "Escape" && open) {
      // Keep Escape from also closing a surrounding dialog.
      event.stopPropagation();
      event.preventDefault();
      setOpen(false);
    } else if (event.key === "Backspace" && text === "" && value.length > 0 && multiple) {
      remove(value[value.length - 1] as RecordRef);
    }
  };

  const activeOption = open ? options[active] : undefined;
  const showInput = multiple || value.length === 0;
  return (
    <div className="combobox">
      <div className="combobox-control" aria-invalid={invalid || undefined}>
        {value.map((ref) => (
          <span key={ref.$id} className="chip">
            <span>{ref.$label}</span>
            {!disabled && (
              <button type="button" onClick={() => remove(ref)} aria-label={`Remove ${ref.$label}`}>
                <X size={12} aria-hidden="true" />
              </button>
            )}
          </span>
        ))}
        <input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          disabled={disabled}
          placeholder={showInput ? placeholder : "Search to replace…"}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            // Let a click on an option land before the list disappears.
            setTimeout(() => setOpen(false), 150);
            onBlur?.();
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {open && !disabled && (
        <div className="combobox-list" id={listId} role="listbox" aria-label="Matching records">
          {lookup.isError ? (
            <div className="combobox-note">Search failed: {(lookup.error as Error).message}</div>
          ) : lookup.isPending ? (
            <div className="combobox-note">Searching…</div>
          ) : options.length === 0 ? (
            <div className="combobox-note">{search ? `No match for “${search}”` : "Nothing to choose"}</div>
          ) : (
            options.map((ref, index) => (
              // Focus stays in the input (aria-activedescendant); arrows and Enter there drive the options.
              // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handled by the combobox input
              <div
                key={ref.$id}
                tabIndex={-1}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(ref)}
              >
                {ref.$label}
              </div>
            ))
          )}
        </div>
      )}
    </div>
  );
}
