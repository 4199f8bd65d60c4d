import { RefreshCw, Save, Users } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { type ConflictField, formValueText } from "./conflictDiff.js";

export interface ConflictPanelProps {
  changes: ConflictField[];
  /** Discards the user's edits and loads the record as it is now. */
  onReload: () => void;
  /** Saves the user's edits over the other person's, deliberately. */
  onOverwrite: () => void;
  busy?: boolean;
}

/**
 * Shown when a save was refused because someone else saved first. Focus moves here so that keyboard and
 * screen-reader users learn at once why nothing was saved; the form below keeps what they typed.
 */
export function ConflictPanel({ changes, onReload, onOverwrite, busy = false }: ConflictPanelProps) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, []);
  const bothEdited = changes.filter((change) => change.mine !== undefined).length;
  return (
    <section
      ref={ref}
      className="conflict-panel"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      tabIndex={-1}
    >
      <div className="conflict-header">
        <Users size={18} aria-hidden="true" />
        <div>
          <h2 id={titleId}>Someone else changed this record since you opened it</h2>
          <p id={descriptionId}>
            Nothing was saved. Your edits are still in the form.{" "}
            {changes.length === 0
              ? "Their changes are in fields this form does not edit."
              : bothEdited > 0
                ? `You both changed ${bothEdited === 1 ? "one field" : `${bothEdited} fields`}: choose whose values to keep.`
                : "Their changes are below; saving yours keeps them unless you edited the same field."}
          </p>
        </div>
      </div>
      {changes.length > 0 && (
        <div className="table-scroll">
          <table className="conflict-table">
            <caption className="sr-only">Fields changed by someone else</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">When you opened it</th>
                <th scope="col">Their value now</th>
                <th scope="col">Your value</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.field.name}>
                  <th scope="row">{change.field.label}</th>
                  <td className="value-old" data-label="When you opened it">
                    <span className="conflict-value">{formValueText(change.field, change.loaded)}</span>
                  </td>
                  <td className="value-theirs" data-label="Their value now">
                    <span className="conflict-value">{formValueText(change.field, change.theirs)}</span>
                  </td>
                  <td className={change.mine === undefined ? "faint" : "value-mine"} data-label="Your value">
                    <span className="conflict-value">
                      {change.mine === undefined ? "Not edited" : formValueText(change.field, change.mine)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="conflict-actions">
        <button type="button" className="button" onClick={onReload} disabled={busy}>
          <RefreshCw size={14} aria-hidden="true" />
          Reload their version
        </button>
        <button type="button" className="button button-danger" onClick={onOverwrite} disabled={busy}>
          <Save size={14} aria-hidden="true" />
          {busy ? "Saving…" : "Overwrite with mine"}
        </button>
      </div>
    </section>
  );
}
