import { ApiError, useAdmin } from "@atrium/client";
import type { ActionMeta, ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { useState } from "react";
import { Dialog } from "../components/Dialog.js";
import { FieldInput } from "../form/FieldInput.js";
import { type FormValue, toFormValue, toWireValue } from "../form/formValues.js";

export interface ActionDialogProps {
  model: ModelMeta;
  /** The action to confirm; null when closed. */
  action: ActionMeta | null;
  ids: string[];
  onClose: () => void;
  /** After the server ran it, with the message to show. */
  onDone: (message: string) => void;
}

/** "Mark as shipped 3 orders?": the confirmation, the action's parameter form, its progress and its refusals. */
export function ActionDialog({ model, action, ids, onClose, onDone }: ActionDialogProps) {
  const { api } = useAdmin();
  const [values, setValues] = useState<Record<string, FormValue>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  if (!action) return null;
  const records = `${ids.length} ${ids.length === 1 ? inSentence(model.label) : inSentence(model.labelPlural)}`;
  const question = (action.confirm ?? `${action.label} {records}?`)
    .replaceAll("{count}", String(ids.length))
    .replaceAll("{records}", records);
  const close = () => {
    if (running) return;
    setValues({});
    setErrors({});
    setProblem(null);
    setProgress(null);
    onClose();
  };
  const run = async () => {
    setRunning(true);
    setErrors({});
    setProblem(null);
    const params = Object.fromEntries(
      action.params.map((field) => [
        field.name,
        toWireValue(field, values[field.name] ?? toFormValue(field, undefined)),
      ]),
    );
    try {
      const answer = await api.runAction(model.key, action.name, { ids, params }, (done, total) =>
        setProgress({ done, total }),
      );
      setRunning(false);
      setValues({});
      setProgress(null);
      onDone(answer.message);
    } catch (error) {
      setRunning(false);
      setProgress(null);
      if (!(error instanceof ApiError)) throw error;
      const beside = Object.fromEntries(
        Object.entries(error.fields ?? {})
          .filter(([key]) => key.startsWith("params."))
          .map(([key, message]) => [key.slice("params.".length), message]),
      );
      setErrors(beside);
      if (Object.keys(beside).length === 0) setProblem(error.message);
    }
  };
  return (
    <Dialog
      open
      title={action.label}
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close} disabled={running}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void run()}
            disabled={running}
          >
            {running ? "Running…" : action.label}
          </button>
        </>
      }
    >
      {action.description && <p className="muted">{action.description}</p>}
      <p>{question}</p>
      {action.params.map((field) => (
        <FieldInput
          key={field.name}
          model={model}
          field={field}
          value={values[field.name] ?? toFormValue(field, undefined)}
          onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
          error={errors[field.name]}
        />
      ))}
      {progress && (
        <progress max={progress.total} value={progress.done} aria-label={`${action.label} progress`}>
          {progress.done} of {progress.total}
        </progress>
      )}
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
