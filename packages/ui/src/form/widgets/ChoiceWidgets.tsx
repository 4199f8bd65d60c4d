import type { FieldWidgetProps } from "@atrium/client";
import { inputProps, textOf } from "./inputProps.js";

/** A checkbox when the field must be true or false; a three-way select when it may also be empty. */
export function BooleanInput(props: FieldWidgetProps) {
  const { field, value, onChange } = props;
  if (field.isRequired) {
    return (
      <label className="inline-row" style={{ minHeight: 34 }}>
        <input
          {...inputProps(props)}
          type="checkbox"
          className="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="muted">{value === true ? "Yes" : "No"}</span>
      </label>
    );
  }
  return (
    <select
      {...inputProps(props)}
      className="select"
      style={{ maxWidth: 200 }}
      value={value === true ? "true" : value === false ? "false" : ""}
      onChange={(event) => onChange(event.target.value === "" ? null : event.target.value === "true")}
    >
      <option value="">— (empty)</option>
      <option value="true">Yes</option>
      <option value="false">No</option>
    </select>
  );
}

export function EnumSelect(props: FieldWidgetProps) {
  const { field, value, onChange } = props;
  return (
    <select
      {...inputProps(props)}
      className="select"
      style={{ maxWidth: 360 }}
      value={textOf(value)}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{field.isRequired ? "Choose…" : "— (empty)"}</option>
      {(field.enumValues ?? []).map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}
