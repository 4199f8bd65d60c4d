import type { FieldWidgetProps } from "atrium/client";

/** An on/off switch for Boolean fields: `{ kind: "input", type: "Boolean", component: "./admin/SwitchInput.tsx" }`. */
export default function SwitchInput({
  id,
  value,
  onChange,
  onBlur,
  disabled,
  describedBy,
}: FieldWidgetProps) {
  const on = value === true;
  return (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={on}
      aria-describedby={describedBy}
      disabled={disabled}
      onBlur={onBlur}
      onClick={() => onChange(!on)}
    >
      {on ? "On" : "Off"}
    </button>
  );
}
