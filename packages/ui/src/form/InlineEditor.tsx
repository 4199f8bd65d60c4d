import { type FieldWidgetProps, useAdmin } from "@atrium/client";
import type { FieldMeta, InlineMeta, ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { Plus, Trash2, Undo2 } from "lucide-react";
import type { ReactNode } from "react";
import { ConflictPanel } from "./ConflictPanel.js";
import type { ConflictField } from "./conflictDiff.js";
import type { FormValue } from "./formValues.js";
import { type InlineRow, newInlineRow } from "./inlineRows.js";
import { resolveWidget } from "./widgets/defaultWidgets.js";

/** A row's conflict: what the other person changed, and the two ways out, as the form's own conflict view. */
export interface RowConflict {
  changes: ConflictField[];
  onReload: () => void;
  onOverwrite: () => void;
}

export interface InlineEditorProps {
  inline: InlineMeta;
  /** The child model limited to the inline's fields. */
  child: ModelMeta;
  rows: InlineRow[];
  onChange: (rows: InlineRow[]) => void;
  /** Row key -> field ("" for the row) -> message. */
  errors: Record<string, Record<string, string>>;
  /** A message about the inline as a whole (too many rows). */
  error?: string;
  conflicts: Record<string, RowConflict>;
  permissions: { add: boolean; change: boolean; delete: boolean };
  idPrefix: string;
  busy: boolean;
}

/** One inline of a parent's form: its rows as a table (or one small form each), Add row, remove and undo. */
export function InlineEditor(props: InlineEditorProps) {
  const { inline, child, rows, onChange, errors, permissions, idPrefix } = props;
  const title = inline.label ?? child.labelPlural;
  const live = rows.filter((row) => !row.removed).length;
  const update = (key: string, change: (row: InlineRow) => InlineRow) =>
    onChange(rows.map((row) => (row.key === key ? change(row) : row)));
  const cell = (row: InlineRow, index: number, field: FieldMeta) => (
    <InlineCell
      key={field.name}
      child={child}
      field={field}
      id={`${idPrefix}-${inline.relation}-${row.key}-${field.name}`}
      label={`${field.label}, row ${index + 1}`}
      value={row.values[field.name] ?? null}
      error={errors[row.key]?.[field.name]}
      disabled={row.removed || (Boolean(row.$id) && !permissions.change)}
      onChange={(value) => update(row.key, (r) => ({ ...r, values: { ...r.values, [field.name]: value } }))}
    />
  );
  const rowTools = (row: InlineRow, index: number): ReactNode =>
    row.removed ? (
      <button
        type="button"
        className="button button-ghost"
        onClick={() => update(row.key, (r) => ({ ...r, removed: false }))}
      >
        <Undo2 size={14} aria-hidden="true" /> Undo remove row {index + 1}
      </button>
    ) : (
      (!row.$id || permissions.delete) && (
        <button
          type="button"
          className="button button-ghost"
          aria-label={`Remove row ${index + 1}`}
          onClick={() =>
            row.$id
              ? update(row.key, (r) => ({ ...r, removed: true }))
              : onChange(rows.filter((r) => r.key !== row.key))
          }
        >
          <Trash2 size={14} aria-hidden="true" />
        </button>
      )
    );
  const rowNotes = (row: InlineRow) => (
    <>
      {errors[row.key]?.[""] && (
        <p className="form-error" role="alert">
          {errors[row.key]?.[""]}
        </p>
      )}
      {props.conflicts[row.key] && (
        <ConflictPanel {...(props.conflicts[row.key] as RowConflict)} busy={props.busy} />
      )}
    </>
  );
  return (
    <section className="inline-editor" aria-label={title}>
      <h2 className="inline-title">{title}</h2>
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      {inline.style === "table" ? (
        <table className="inline-table">
          <thead>
            <tr>
              {child.fields.map((field) => (
                <th key={field.name} scope="col">
                  {field.label}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key} className={row.removed ? "inline-removed" : undefined}>
                {child.fields.map((field) => (
                  <td key={field.name}>{cell(row, index, field)}</td>
                ))}
                <td>
                  {rowTools(row, index)}
                  {rowNotes(row)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        rows.map((row, index) => (
          <fieldset key={row.key} className={`inline-stacked${row.removed ? " inline-removed" : ""}`}>
            <legend>
              {child.label} {index + 1}
            </legend>
            {child.fields.map((field) => cell(row, index, field))}
            {rowTools(row, index)}
            {rowNotes(row)}
          </fieldset>
        ))
      )}
      {permissions.add && live < inline.max && (
        <button type="button" className="button" onClick={() => onChange([...rows, newInlineRow(child)])}>
          <Plus size={14} aria-hidden="true" /> Add {inSentence(child.label)}
        </button>
      )}
    </section>
  );
}

function InlineCell(props: {
  child: ModelMeta;
  field: FieldMeta;
  id: string;
  label: string;
  value: FormValue;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: FormValue) => void;
}) {
  const { registry } = useAdmin();
  const Widget = resolveWidget(registry, props.child, props.field);
  const widget: FieldWidgetProps = {
    id: props.id,
    field: props.field,
    model: props.child,
    value: props.value,
    onChange: (value) => props.onChange(value as FormValue),
    onBlur: () => undefined,
    disabled: props.disabled || props.field.isReadOnly,
    invalid: Boolean(props.error),
    describedBy: props.error ? `${props.id}-error` : undefined,
  };
  return (
    <div className="inline-cell">
      {/* The column header names the field for sighted users; this names the row too for everyone else. */}
      <label htmlFor={props.id} className="sr-only">
        {props.label}
      </label>
      <Widget {...widget} />
      {props.error && (
        <p className="form-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
