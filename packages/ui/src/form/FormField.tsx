import { type FieldWidgetProps, useAdmin } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { Lock } from "lucide-react";
import { type Control, Controller } from "react-hook-form";
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
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
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
        const describedBy = [field.help ? helpId : undefined, fieldState.error ? errorId : undefined]
          .filter(Boolean)
          .join(" ");
        const props: FieldWidgetProps = {
          id,
          field,
          model,
          value: input.value,
          onChange: input.onChange,
          onBlur: input.onBlur,
          disabled: field.isReadOnly,
          invalid: Boolean(fieldState.error),
          describedBy: describedBy || undefined,
        };
        return (
          <div className="form-field">
            {/* Marks sit outside <label> so the accessible name is exactly the field's label. */}
            <div className="form-label">
              <label htmlFor={id}>{field.label}</label>
              {required && (
                <span className="required" title="Required" aria-hidden="true">
                  *
                </span>
              )}
              {field.isReadOnly && (
                <span title="Read-only" className="faint">
                  <Lock size={11} aria-hidden="true" style={{ marginLeft: 6 }} />
                </span>
              )}
            </div>
            <div
              className="form-control"
              // Widgets take no ref, so react-hook-form could not focus the first invalid field on submit;
              // give it a handle that focuses the element the label points at.
              ref={(element) => input.ref(element && { focus: () => document.getElementById(id)?.focus() })}
            >
              <Widget {...props} />
              {field.help && (
                <p className="form-help" id={helpId}>
                  {field.help}
                </p>
              )}
              {fieldState.error?.message && (
                <p className="form-error" id={errorId}>
                  {fieldState.error.message}
                </p>
              )}
            </div>
          </div>
        );
      }}
    />
  );
}
