import type { FieldMeta, ModelMeta } from "@atrium/core";
import { CellValue } from "../format/CellValue.js";
import { truncatedJson } from "./historyFormat.js";

/** Secret fields are recorded as changed without their values (see the API docs). */
const hiddenMarker = "[hidden]";

/**
 * One old or new value of a history entry, formatted like the detail view. Foreign keys are recorded as plain
 * ids, and long JSON is cut to a line that expands on demand so one big document does not flood the page.
 */
export function HistoryValue({
  field,
  value,
  models,
}: {
  field?: FieldMeta;
  value: unknown;
  models: ModelMeta[];
}) {
  if (value === hiddenMarker) return <span className="faint">hidden</span>;
  if (value === null || value === undefined) return <span className="faint">—</span>;
  const isJson = field ? field.type === "Json" : typeof value === "object";
  if (isJson) {
    const { text, truncated } = truncatedJson(value);
    if (!truncated) return <code>{text}</code>;
    return (
      <details className="history-json">
        <summary>
          <code>{text}</code>
        </summary>
        <pre>{JSON.stringify(value, null, 2)}</pre>
      </details>
    );
  }
  if (!field) return <span>{String(value)}</span>;
  return <CellValue field={field} value={value} models={models} />;
}
