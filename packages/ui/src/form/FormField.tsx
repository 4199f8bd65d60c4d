import { type FieldWidgetProps, useAdmin } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { Lock } from "lucide-react";
import { type Control, Controller } from "react-hook-form";
import { describedByIds, FieldRow } from "./FieldRow.js";
import type { FormMode, FormValues } from "./formValues.js";
import { validateField } from "./validateField.js";
import { resolveWidget } from "./widgets/defaultWidgets.js";

export interface FormFieldProps {
  model: ModelMeta;
  field: FieldMeta;
  control: Control<FormValues>;
  mode: FormMode;
  idPrefix: string;
}

/** Label, input (from the widget map), help text and error, wired together for assistive technology. */
export function FormField({ model, field, control, mode, idPrefix }: FormFieldProps) {
  const { registry } = useAdmin();
  const Widget = resolveWidget(registry, model, field);
  const id = `${idPrefix}-${field.name}`;
  // A checkbox is always true or false, so an asterisk on it would only confuse.
  const required =
    field.isRequired &&
    !field.isReadOnly &&
    !field.isList &&
    field.type !== "Boolean" &&
    !(mode === "create" && field.hasDefault);
  return (
    <Controller
      name={field.name}
      control={control}
      rules={{ validate: (value) => validateField(field, value, mode) }}
      render={({ field: input, fieldState }) => {
        const error = fieldState.error?.message;
        const props: FieldWidgetProps = {
          id,
          field,
          model,
          value: input.value,
          onChange: input.onChange,
          onBlur: input.onBlur,
          disabled: field.isReadOnly,
          invalid: Boolean(fieldState.error),
          describedBy: describedByIds(id, { help: field.help, error }),
        };
        const marks = field.isReadOnly && (
          <span title="Read-only" className="faint">
            <Lock size={11} aria-hidden="true" style={{ marginLeft: 6 }} />
          </span>
        );
        return (
          <FieldRow
            id={id}
            label={field.label}
            required={required}
            marks={marks}
            help={field.help}
            error={error}
            inputRef={input.ref}
          >
            <Widget {...props} />
          </FieldRow>
        );
      }}
    />
  );
}
