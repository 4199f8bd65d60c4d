import type { FieldWidgetProps } from "@atrium/client";
import { useState } from "react";
import { inputProps, textOf } from "./inputProps.js";

/** Single-line text that turns into a textarea for values that are already long or multi-line. */
export function TextInput(props: FieldWidgetProps) {
  const [multiline] = useState(() => textOf(props.value).length > 80 || textOf(props.value).includes("\n"));
  if (multiline) return <TextArea {...props} />;
  return (
    <input
      {...inputProps(props)}
      className="input"
      type="text"
      required={props.field.isRequired && !props.field.hasDefault}
      value={textOf(props.value)}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

export function TextArea(props: FieldWidgetProps) {
  return (
    <textarea
      {...inputProps(props)}
      className="textarea"
      rows={5}
      value={textOf(props.value)}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

/** Int and Float: a number input whose value stays text until submit, so "-" or "1." mid-typing survive. */
export function NumberInput(props: FieldWidgetProps) {
  return (
    <input
      {...inputProps(props)}
      className="input"
      type="number"
      step={props.field.type === "Int" ? 1 : "any"}
      inputMode={props.field.type === "Int" ? "numeric" : "decimal"}
      value={textOf(props.value)}
      onChange={(event) => props.onChange(event.target.value)}
      style={{ maxWidth: 240 }}
    />
  );
}

/** BigInt and Decimal: text, never a JS number, so no digit is ever rounded away. */
export function DecimalInput(props: FieldWidgetProps) {
  const integer = props.field.type === "BigInt";
  return (
    <input
      {...inputProps(props)}
      className="input mono"
      type="text"
      inputMode={integer ? "numeric" : "decimal"}
      pattern={integer ? "-?[0-9]+" : "-?[0-9]+([.][0-9]+)?"}
      title={integer ? "Digits, with an optional minus sign" : "Digits with an optional decimal point"}
      autoComplete="off"
      spellCheck={false}
      value={textOf(props.value)}
      onChange={(event) => props.onChange(event.target.value)}
      style={{ maxWidth: 360 }}
    />
  );
}

/** Columns Prisma cannot read or write (`Unsupported`): shown for reference only. */
export function UnsupportedInput(props: FieldWidgetProps) {
  return (
    <input
      {...inputProps(props)}
      className="input"
      type="text"
      disabled
      value={textOf(props.value) || `(${props.field.unsupportedType ?? "unsupported type"})`}
      readOnly
    />
  );
}
