import type { Row } from "@atrium/client";
import type { FieldMeta } from "@atrium/core";
import { isNumeric } from "../format/fieldKinds.js";

export interface EditableCellProps {
  field: FieldMeta;
  row: Row;
  /** The text typed so far; undefined while the cell shows the stored value. */
  text: string | undefined;
  error: string | undefined;
  onEdit: (text: string) => void;
}

/**
 * One cell of a `list.editable` column: an input of the field's kind (a choice for an enum or a yes/no, a number
 * or text box otherwise), the server's message for it underneath after a refused save.
 */
export function EditableCell({ field, row, text, error, onEdit }: EditableCellProps) {
  const stored = row[field.name];
  const value = text ?? (stored === null || stored === undefined ? "" : String(stored));
  const label = `${field.label} of ${row.$label || row.$id}`;
  const common = {
    "aria-label": label,
    "aria-invalid": error ? true : undefined,
    className: `input cell-input${text !== undefined && text !== String(stored ?? "") ? " cell-input-changed" : ""}`,
    value,
  } as const;
  const choices =
    field.kind === "enum"
      ? (field.enumValues ?? [])
      : field.type === "Boolean"
        ? ["true", "false"]
        : undefined;
  return (
    <div className="cell-edit">
      {choices ? (
        <select {...common} onChange={(event) => onEdit(event.target.value)}>
          {!field.isRequired && <option value="">—</option>}
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {field.type === "Boolean" ? (choice === "true" ? "Yes" : "No") : choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type="text"
          inputMode={isNumeric(field) ? "decimal" : undefined}
          onChange={(event) => onEdit(event.target.value)}
        />
      )}
      {error && <span className="cell-error">{error}</span>}
    </div>
  );
}
