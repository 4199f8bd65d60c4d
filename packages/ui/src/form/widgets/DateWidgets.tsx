import type { FieldWidgetProps } from "@atrium/client";
import { Globe } from "lucide-react";
import { localTimeZone } from "../../format/formatDate.js";

/** Local wall time with seconds, and the zone it is in, so nobody guesses whether it is UTC. */
export function DateTimeInput({
  id,
  value,
  onChange,
  onBlur,
  disabled,
  invalid,
  describedBy,
}: FieldWidgetProps) {
  const zoneId = `${id}-zone`;
  return (
    <div className="inline-row">
      <input
        id={id}
        className="input"
        type="datetime-local"
        step={1}
        style={{ maxWidth: 260 }}
        value={typeof value === "string" ? value : ""}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={[describedBy, zoneId].filter(Boolean).join(" ")}
      />
      <span id={zoneId} className="faint inline-row" style={{ gap: 4, fontSize: 12 }}>
        <Globe size={12} aria-hidden="true" />
        Time zone: {localTimeZone()}
      </span>
    </div>
  );
}

export function DateInput({ id, value, onChange, onBlur, disabled, invalid, describedBy }: FieldWidgetProps) {
  return (
    <input
      id={id}
      className="input"
      type="date"
      style={{ maxWidth: 200 }}
      value={typeof value === "string" ? value : ""}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      disabled={disabled}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
    />
  );
}
