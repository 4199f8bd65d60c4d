import type { FieldWidgetProps } from "@atrium/client";
import { Plus, Upload, X } from "lucide-react";
import { useRef, useState } from "react";
import { BytesDownload } from "../../record/BytesDownload.js";
import { inputProps, textOf } from "./inputProps.js";

export function JsonInput(props: FieldWidgetProps) {
  return (
    <textarea
      {...inputProps(props)}
      className="textarea mono"
      rows={8}
      spellCheck={false}
      value={textOf(props.value)}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Bytes: download what is stored, upload a file to replace it (sent as base64). */
export function BytesInput(props: FieldWidgetProps) {
  const { id, field, model, value, onChange, disabled } = props;
  const [fileName, setFileName] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const base64 = typeof value === "string" ? value : null;
  return (
    <div className="bytes-row">
      {base64 !== null ? (
        <BytesDownload base64={base64} fileName={fileName ?? `${model.key}-${field.name}.bin`} />
      ) : (
        <span className="faint">Empty</span>
      )}
      {!disabled && (
        <>
          <input
            {...inputProps(props)}
            type="file"
            className="sr-only"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              try {
                onChange(await readAsBase64(file));
                setFileName(file.name);
                setProblem(undefined);
              } catch {
                setProblem(`Could not read ${file.name}`);
              }
            }}
          />
          <label htmlFor={id} className="button button-small">
            <Upload size={13} aria-hidden="true" />
            {base64 === null ? "Upload a file" : "Replace"}
          </label>
          {fileName && <span className="muted">{fileName}</span>}
          {base64 !== null && !field.isRequired && (
            <button type="button" className="button button-small button-ghost" onClick={() => onChange(null)}>
              Clear
            </button>
          )}
        </>
      )}
      {problem && <span className="form-error">{problem}</span>}
    </div>
  );
}

/** Scalar lists (`String[]`, `Int[]`...): removable chips plus an input that adds one item per Enter. */
export function ListInput(props: FieldWidgetProps) {
  const { field, value, onChange, disabled } = props;
  const items = Array.isArray(value) ? (value as string[]) : [];
  const [draft, setDraft] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const add = () => {
    if (draft.trim() === "") return;
    onChange([...items, draft.trim()]);
    setDraft("");
    input.current?.focus();
  };
  return (
    <div className="form-control">
      {items.length > 0 && (
        <div className="chips">
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items may repeat; position is their identity
            <span key={index} className="chip">
              <span>{item}</span>
              {!disabled && (
                <button
                  type="button"
                  onClick={() => onChange(items.filter((_, other) => other !== index))}
                  aria-label={`Remove ${item}`}
                >
                  <X size={12} aria-hidden="true" />
                </button>
              )}
            </span>
          ))}
        </div>
      )}
      {!disabled && (
        <div className="inline-row">
          {field.kind === "enum" ? (
            <select
              {...inputProps(props)}
              className="select"
              style={{ maxWidth: 260 }}
              value=""
              onChange={(event) => event.target.value && onChange([...items, event.target.value])}
            >
              <option value="">Add a value…</option>
              {(field.enumValues ?? []).map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          ) : (
            <>
              <input
                {...inputProps(props)}
                ref={input}
                className="input"
                style={{ maxWidth: 260 }}
                placeholder="Add an item, then Enter"
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    add();
                  }
                }}
              />
              <button type="button" className="button" onClick={add} disabled={draft.trim() === ""}>
                <Plus size={14} aria-hidden="true" />
                Add
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
