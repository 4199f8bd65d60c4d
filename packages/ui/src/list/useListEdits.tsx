import { describeError, type Row, useAdmin } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { useEffect, useState } from "react";
import { useToast } from "../components/Toasts.js";
import { plural } from "../format/formatCount.js";
import { type CellErrors, cellErrors, changedRows, type Drafts } from "./listEdits.js";

/** What DataTable needs to render `list.editable` columns as inputs. */
export interface TableEdits {
  fields: ReadonlySet<string>;
  text(rowId: string, field: string): string | undefined;
  error(rowId: string, field: string): string | undefined;
  onEdit(rowId: string, field: string, text: string): void;
}

/**
 * The list's editable cells (Django's `list_editable`): the texts typed, the bar that saves the changed rows
 * together (`update-many`: all or nothing, with the form's checks, `$version` and an audit entry each) or
 * discards them, and the server's messages on the cells they name.
 */
export function useListEdits(
  model: ModelMeta,
  rows: Row[] | undefined,
  options: { canChange: boolean; resetKey: string; onSaved: () => void },
) {
  const { api } = useAdmin();
  const toast = useToast();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [errors, setErrors] = useState<CellErrors>({});
  const [saving, setSaving] = useState(false);
  // Edits refer to rows on screen: a new page, sort or filter starts afresh.
  useEffect(() => {
    if (options.resetKey) {
      setDrafts({});
      setErrors({});
    }
  }, [options.resetKey]);
  const names = options.canChange ? (model.admin?.list?.editable ?? []) : [];
  const fields = names.flatMap(
    (name) => model.fields.find((field) => field.name === name) ?? [],
  ) as FieldMeta[];
  const changed = changedRows(drafts, rows ?? [], fields);
  const discard = () => {
    setDrafts({});
    setErrors({});
  };
  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.updateMany(model.key, changed);
      discard();
      toast(`Saved ${plural(saved.length, inSentence(model.label), inSentence(model.labelPlural))}`);
      options.onSaved();
    } catch (error) {
      setErrors(cellErrors(error, changed, fields));
      toast(describeError(error));
    } finally {
      setSaving(false);
    }
  };
  const edits: TableEdits | undefined =
    fields.length === 0
      ? undefined
      : {
          fields: new Set(names),
          text: (rowId, field) => drafts[rowId]?.[field],
          error: (rowId, field) => errors[rowId]?.[field],
          onEdit: (rowId, field, text) =>
            setDrafts((current) => ({ ...current, [rowId]: { ...current[rowId], [field]: text } })),
        };
  const bar =
    changed.length === 0 ? null : (
      <section className="edit-bar" aria-label="Unsaved changes">
        <span>Unsaved changes in {plural(changed.length, "row", "rows")}</span>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-small" onClick={discard} disabled={saving}>
          Discard
        </button>
        <button type="button" className="button button-small button-primary" onClick={save} disabled={saving}>
          {saving ? "Saving…" : "Save changes"}
        </button>
      </section>
    );
  return { edits, bar, reset: discard };
}
