import type { FieldWidgetProps } from "@atrium/client";

/**
 * What every native input of a widget carries: the id its label points at, blur and disabled state, and the
 * invalid flag and help/error ids for assistive technology. Spread it, then add the input's own value handling.
 */
export function inputProps({ id, disabled, invalid, describedBy, onBlur }: FieldWidgetProps) {
  return { id, disabled, onBlur, "aria-invalid": invalid || undefined, "aria-describedby": describedBy };
}

/** The value as an input's text, empty for anything that is not a string yet. */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}
