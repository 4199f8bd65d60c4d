import { useAdmin } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { useId } from "react";
import { describedByIds, FieldRow } from "./FieldRow.js";
import type { FormValue } from "./formValues.js";
import { resolveWidget } from "./widgets/defaultWidgets.js";

export interface FieldInputProps {
  model: ModelMeta;
  field: FieldMeta;
  /** The form value: `toFormValue(field, record[field.name])` turns a record's value into one. */
  value: FormValue;
  /** Gets the new form value; `toWireValue(field, value)` turns it into what the API takes. */
  onChange: (value: FormValue) => void;
  /** @default nothing */
  onBlur?: () => void;
  /** @default the field's read-only flag */
  disabled?: boolean;
  /** Shown under the input, and marks it invalid. */
  error?: string;
  /** @default a generated id */
  id?: string;
}

/**
 * One labelled field outside a generated form, e.g. on a custom page: the same input the record form uses for
 * it (registry widget, else the default for its type), with the field's label, help and `error`.
 */
export function FieldInput({ model, field, value, onChange, onBlur, disabled, error, id }: FieldInputProps) {
  const { registry } = useAdmin();
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const Widget = resolveWidget(registry, model, field);
  return (
    <FieldRow id={inputId} label={field.label} help={field.help} error={error}>
      <Widget
        id={inputId}
        field={field}
        model={model}
        value={value}
        onChange={(next) => onChange(next as FormValue)}
        onBlur={onBlur ?? (() => {})}
        disabled={disabled ?? field.isReadOnly}
        invalid={Boolean(error)}
        describedBy={describedByIds(inputId, { help: field.help, error })}
      />
    </FieldRow>
  );
}
