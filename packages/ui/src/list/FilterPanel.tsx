import { type ListState, withoutFiltersOn } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { X } from "lucide-react";
import { relatedModel } from "../format/fieldKinds.js";
import {
  BooleanFilter,
  DateFilter,
  EnumFilter,
  NullFilter,
  NumberFilter,
  RelationFilter,
  TextFilter,
} from "./FilterControls.js";
import { filterableFields, filterKind } from "./filterableFields.js";

export interface FilterPanelProps {
  model: ModelMeta;
  models: ModelMeta[];
  state: ListState;
  onChange: (next: ListState) => void;
  onClose: () => void;
  id: string;
}

function FieldFilter({
  field,
  models,
  state,
  onChange,
}: {
  field: FieldMeta;
  models: ModelMeta[];
  state: ListState;
  onChange: (next: ListState) => void;
}) {
  const kind = filterKind(field);
  const props = { field, state, onChange };
  switch (kind) {
    case "boolean":
      return <BooleanFilter {...props} />;
    case "enum":
      return <EnumFilter {...props} />;
    case "number":
      return <NumberFilter {...props} />;
    case "date":
      return <DateFilter {...props} />;
    case "text":
      return <TextFilter {...props} />;
    case "relation": {
      const related = relatedModel(field, models);
      return related ? <RelationFilter {...props} related={related} /> : null;
    }
    case undefined:
      return null;
    default: {
      const unknownKind: never = kind;
      throw new Error(`No filter control for ${String(unknownKind)}`);
    }
  }
}

/** One control per filterable field, chosen by type; every change goes straight to the URL. */
export function FilterPanel({ model, models, state, onChange, onClose, id }: FilterPanelProps) {
  const fields = filterableFields(model);
  return (
    <aside className="card filter-panel" id={id} aria-label="Filters">
      <div className="filter-panel-header">
        <h2>Filters</h2>
        <div className="inline-row">
          {state.filters.length > 0 && (
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => onChange({ ...state, filters: [], page: 1 })}
            >
              Clear all
            </button>
          )}
          <button
            type="button"
            className="button button-small button-ghost icon-button"
            onClick={onClose}
            aria-label="Hide filter panel"
          >
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      </div>
      {fields.length === 0 && <p className="card-body muted">This model has no filterable fields.</p>}
      {fields.map((field) => {
        const active = state.filters.some((filter) => filter.path === field.name);
        const nullable =
          !field.isRequired &&
          field.type !== "Boolean" &&
          !(field.relation?.toMany ?? false) &&
          !field.isList;
        return (
          <fieldset key={field.name} className="filter-group">
            {/* The legend names the group for screen readers, so the Clear button stays out of it. */}
            <legend>{field.label}</legend>
            {active && (
              <button
                type="button"
                className="button button-small button-ghost filter-clear"
                onClick={() => onChange(withoutFiltersOn(state, field.name))}
                aria-label={`Clear ${field.label} filter`}
              >
                Clear
              </button>
            )}
            <FieldFilter field={field} models={models} state={state} onChange={onChange} />
            {nullable && <NullFilter field={field} state={state} onChange={onChange} />}
          </fieldset>
        );
      })}
    </aside>
  );
}
