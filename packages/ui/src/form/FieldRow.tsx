import type { ReactNode } from "react";
import type { RefCallBack } from "react-hook-form";

export interface FieldRowProps {
  /** The id of the element the label points at. */
  id: string;
  label: string;
  /** @default false */
  required?: boolean;
  /** Small marks after the label (read-only lock, write-only key). */
  marks?: ReactNode;
  /** The schema's help text, shown under the input as `${id}-help`. */
  help?: string;
  /** A further line under the help, as `${id}-note`. */
  note?: string;
  /** Shown under the input as `${id}-error`. */
  error?: string;
  /** react-hook-form's ref of the field, so a failed submit can focus it. @default none (forms without it) */
  inputRef?: RefCallBack;
  children: ReactNode;
}

/** The ids of a field's help, note and error lines, as FieldRow renders them, for `aria-describedby`. */
export function describedByIds(
  id: string,
  lines: { help?: string; note?: string; error?: string },
): string | undefined {
  const ids = [
    lines.help ? `${id}-help` : undefined,
    lines.note ? `${id}-note` : undefined,
    lines.error ? `${id}-error` : undefined,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** One row of a record form: label with its marks, the input, and the help, note and error lines under it. */
export function FieldRow({
  id,
  label,
  required,
  marks,
  help,
  note,
  error,
  inputRef,
  children,
}: FieldRowProps) {
  return (
    <div className="form-field">
      {/* Marks sit outside <label> so the accessible name is exactly the field's label. */}
      <div className="form-label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required" title="Required" aria-hidden="true">
            *
          </span>
        )}
        {marks}
      </div>
      <div
        className="form-control"
        // Inputs and widgets take no ref, so react-hook-form could not focus the first invalid field on submit;
        // give it a handle that focuses the element the label points at.
        ref={
          inputRef &&
          ((element) => inputRef(element && { focus: () => document.getElementById(id)?.focus() }))
        }
      >
        {children}
        {help && (
          <p className="form-help" id={`${id}-help`}>
            {help}
          </p>
        )}
        {note && (
          <p className="form-help" id={`${id}-note`}>
            {note}
          </p>
        )}
        {error && (
          <p className="form-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
