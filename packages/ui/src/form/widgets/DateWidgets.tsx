import type { FieldWidgetProps } from "@atrium/client";
import { Globe } from "lucide-react";
import { localTimeZone } from "../../format/formatDate.js";
import { inputProps, textOf } from "./inputProps.js";

/** Local wall time with seconds, and the zone it is in, so nobody guesses whether it is UTC. */
export function DateTimeInput(props: FieldWidgetProps) {
  const zoneId = `${props.id}-zone`;
  return (
    <div className="inline-row">
      <input
        {...inputProps(props)}
        className="input"
        type="datetime-local"
        step={1}
        style={{ maxWidth: 260 }}
        value={textOf(props.value)}
        onChange={(event) => props.onChange(event.target.value)}
        aria-describedby={[props.describedBy, zoneId].filter(Boolean).join(" ")}
      />
      <span id={zoneId} className="faint inline-row" style={{ gap: 4, fontSize: 12 }}>
        <Globe size={12} aria-hidden="true" />
        Time zone: {localTimeZone()}
      </span>
    </div>
  );
}

export function DateInput(props: FieldWidgetProps) {
  return (
    <input
      {...inputProps(props)}
      className="input"
      type="date"
      style={{ maxWidth: 200 }}
      value={textOf(props.value)}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}
