import type { FieldWidgetProps } from "@atrium/client";

/**
 * What every native input of a widget carries: the id its label points at, blur and disabled state, and the
 * configured placeholder, the invalid flag and help/error ids for assistive technology. Spread it, then add the input's own value handling.
 */
export function inputProps({ id, field, disabled, invalid, describedBy, onBlur }: FieldWidgetProps) {
  return {
    id,
    disabled,
    onBlur,
    // The config's example text (`form.placeholder`); a widget that needs its own sets it after the spread.
    placeholder: field.placeholder,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy,
  };
}

/** The value as an input's text, empty for anything that is not a string yet. */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}
