import type { FieldWidgetProps } from "@atrium/client";

/** A checkbox when the field must be true or false; a three-way select when it may also be empty. */
export function BooleanInput({
  id,
  field,
  value,
  onChange,
  onBlur,
  disabled,
  invalid,
  describedBy,
}: FieldWidgetProps) {
  if (field.isRequired) {
    return (
      <label className="inline-row" style={{ minHeight: 34 }}>
        <input
          id={id}
          type="checkbox"
          className="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
          onBlur={onBlur}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
        <span className="muted">{value === true ? "Yes" : "No"}</span>
      </label>
    );
  }
  return (
    <select
      id={id}
      className="select"
      style={{ maxWidth: 200 }}
      value={value === true ? "true" : value === false ? "false" : ""}
      onChange={(event) => onChange(event.target.value === "" ? null : event.target.value === "true")}
      onBlur={onBlur}
      disabled={disabled}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
    >
      <option value="">— (empty)</option>
      <option value="true">Yes</option>
      <option value="false">No</option>
    </select>
  );
}

export function EnumSelect({
  id,
  field,
  value,
  onChange,
  onBlur,
  disabled,
  invalid,
  describedBy,
}: FieldWidgetProps) {
  return (
    <select
      id={id}
      className="select"
      style={{ maxWidth: 360 }}
      value={typeof value === "string" ? value : ""}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      disabled={disabled}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
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
