import type { Row } from "@atrium/client";
import type { ActionMeta, ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { Trash2, X } from "lucide-react";
import { useState } from "react";
import { ActionDialog } from "../actions/ActionDialog.js";
import { useToast } from "../components/Toasts.js";
import { DeleteDialog } from "../delete/DeleteDialog.js";
import { plural } from "../format/formatCount.js";

export interface SelectionBarProps {
  model: ModelMeta;
  selected: ReadonlySet<string>;
  /** The rows on screen: their `$version`s make a bulk delete refuse what changed since it was shown. */
  rows: Row[] | undefined;
  canDelete: boolean;
  onClear: () => void;
  /** After an action ran: the list shows what it changed. */
  onChanged: () => void;
}

/**
 * What can be done to the rows checked in a list: the model's bulk actions the user may run, and delete, each
 * with its dialog (parameters and confirmation; the delete preview). Shown only while something is selected.
 */
export function SelectionBar({ model, selected, rows, canDelete, onClear, onChanged }: SelectionBarProps) {
  const [deleting, setDeleting] = useState(false);
  const [running, setRunning] = useState<ActionMeta | null>(null);
  const toast = useToast();
  const ids = [...selected];
  return (
    <>
      {selected.size > 0 && (
        <section className="selection-bar" aria-label="Selection">
          <span>{plural(selected.size, "selected", "selected")}</span>
          {(model.bulkActions ?? []).map((action) => (
            <button
              key={action.name}
              type="button"
              className="button button-small"
              onClick={() => setRunning(action)}
            >
              {action.label}
            </button>
          ))}
          {canDelete && (
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => setDeleting(true)}
            >
              <Trash2 size={13} aria-hidden="true" />
              Delete selected
            </button>
          )}
          <button
            type="button"
            className="button button-small button-ghost icon-button"
            onClick={onClear}
            aria-label="Clear selection"
          >
            <X size={13} aria-hidden="true" />
          </button>
        </section>
      )}
      <ActionDialog
        model={model}
        action={running}
        ids={ids}
        onClose={() => setRunning(null)}
        onDone={(message) => {
          setRunning(null);
          onClear();
          toast(message);
          onChanged();
        }}
      />
      <DeleteDialog
        model={model}
        ids={deleting ? ids : []}
        versions={Object.fromEntries(
          (rows ?? []).flatMap((row) =>
            selected.has(row.$id) && typeof row.$version === "string" ? [[row.$id, row.$version]] : [],
          ),
        )}
        open={deleting}
        onClose={() => setDeleting(false)}
        onDeleted={(count) => {
          setDeleting(false);
          onClear();
          toast(`Deleted ${plural(count, inSentence(model.label), inSentence(model.labelPlural))}`);
        }}
      />
    </>
  );
}
