import { useRecordLabels } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { Link } from "react-router";
import { CellValue } from "../format/CellValue.js";
import { recordPath } from "../format/fieldKinds.js";
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
  // Many-to-many sets are recorded as the related records' `$id`s: link each one, by its label when it exists.
  if (field?.kind === "relation" && Array.isArray(value)) {
    if (value.length === 0) return <span className="faint">none</span>;
    const related = models.find((model) => model.name === field.relation?.model);
    return <RelatedSet related={related} fallback={field.type} ids={value.map(String)} />;
  }
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

function RelatedSet({ related, fallback, ids }: { related?: ModelMeta; fallback: string; ids: string[] }) {
  const labels = useRecordLabels(related, ids).data;
  return (
    <span className="history-id-list">
      {ids.map((id, index) => {
        // Records deleted since keep their model and id.
        const text = labels?.get(id) ?? `${related?.label ?? fallback} ${id}`;
        return (
          <span key={id}>
            {index > 0 ? ", " : null}
            {related ? <Link to={recordPath(related.key, id)}>{text}</Link> : text}
          </span>
        );
      })}
    </span>
  );
}
