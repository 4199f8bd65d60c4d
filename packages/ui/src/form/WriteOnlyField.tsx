import type { FieldMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { Eye, EyeOff, KeyRound } from "lucide-react";
import { useState } from "react";
import { type Control, Controller } from "react-hook-form";
import { describedByIds, FieldRow } from "./FieldRow.js";
import type { FormMode, FormValues } from "./formValues.js";
import { validateWriteOnlyField } from "./validateField.js";

export interface WriteOnlyFieldProps {
  field: FieldMeta;
  control: Control<FormValues>;
  mode: FormMode;
  idPrefix: string;
}

/**
 * A field the user may set but never read (configured `"writeOnly"`, e.g. a password hash): a password input
 * that always starts empty, with a show/hide toggle for what is being typed. Laid out like FormField so it lines
 * up with the regular fields; not a registry widget, since every write-only field is text sent as typed.
 */
export function WriteOnlyField({ field, control, mode, idPrefix }: WriteOnlyFieldProps) {
  const [shown, setShown] = useState(false);
  const id = `${idPrefix}-${field.name}`;
  const required = mode === "create" && field.isRequired && !field.hasDefault;
  return (
    <Controller
      name={field.name}
      control={control}
      rules={{ validate: (value) => validateWriteOnlyField(field, value, mode) }}
      render={({ field: input, fieldState }) => {
        const error = fieldState.error?.message;
        const note =
          mode === "edit"
            ? "Empty keeps the current value; a new one is stored as typed, not hashed, and never shown."
            : "Stored exactly as typed (Atrium does not hash it) and never shown again.";
        const marks = (
          <span title="Write-only: never shown" className="faint">
            <KeyRound size={11} aria-hidden="true" style={{ marginLeft: 6 }} />
          </span>
        );
        return (
          <FieldRow
            id={id}
            label={field.label}
            required={required}
            marks={marks}
            help={field.help}
            note={note}
            error={error}
            inputRef={input.ref}
          >
            <div className="write-only-input">
              <input
                id={id}
                className="input mono"
                type={shown ? "text" : "password"}
                // Never the signed-in user's own saved password: this sets someone else's secret.
                autoComplete="new-password"
                autoCapitalize="off"
                spellCheck={false}
                required={required}
                placeholder={mode === "edit" ? "Leave empty to keep the current value" : undefined}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedByIds(id, { help: field.help, note, error })}
                value={typeof input.value === "string" ? input.value : ""}
                onChange={(event) => input.onChange(event.target.value)}
                onBlur={input.onBlur}
              />
              <button
                type="button"
                className="button icon-button"
                aria-label={`Show ${inSentence(field.label)}`}
                aria-pressed={shown}
                aria-controls={id}
                title={shown ? "Hide what you typed" : "Show what you typed"}
                onClick={() => setShown((value) => !value)}
              >
                {shown ? <EyeOff size={15} aria-hidden="true" /> : <Eye size={15} aria-hidden="true" />}
              </button>
            </div>
          </FieldRow>
        );
      }}
    />
  );
}
