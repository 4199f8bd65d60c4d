import {
  type AdminMeta,
  adminKeys,
  describeError,
  type ExchangeFormat,
  type ImportColumnMapping,
  type ImportDryRun,
  type ImportProgressLine,
  isApiError,
  useAdmin,
} from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Banner } from "../components/Banner.js";
import { Dialog } from "../components/Dialog.js";
import { useToast } from "../components/Toasts.js";
import { plural } from "../format/formatCount.js";
import { ImportRowsTable } from "./ImportRowsTable.js";
import {
  choiceValue,
  formatOfFile,
  importFieldChoices,
  mappingFromChoice,
  matchChoices,
} from "./importChoices.js";

export interface ImportButtonProps {
  model: ModelMeta;
  meta: AdminMeta;
}

/** "Import…" on a list page: a file's rows mapped to fields, checked row by row, then written all or nothing. */
export function ImportButton({ model, meta }: ImportButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        <Upload size={14} aria-hidden="true" />
        Import…
      </button>
      {open && <ImportDialog model={model} meta={meta} onClose={() => setOpen(false)} />}
    </>
  );
}

function ImportDialog({ model, meta, onClose }: ImportButtonProps & { onClose: () => void }) {
  const { api } = useAdmin();
  const queryClient = useQueryClient();
  const toast = useToast();
  const ids = { file: useId(), format: useId(), match: useId() };
  const [file, setFile] = useState<File>();
  const [format, setFormat] = useState<ExchangeFormat>();
  const [mapping, setMapping] = useState<ImportColumnMapping[]>();
  const [match, setMatch] = useState<string>();
  const [dry, setDry] = useState<ImportDryRun>();
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [mappingErrors, setMappingErrors] = useState<Record<string, string>>({});
  const [writing, setWriting] = useState<ImportProgressLine | "starting">();
  const running = useRef<AbortController | null>(null);
  const nouns = inSentence(model.labelPlural);

  // Every change of the file or the choices checks the file again; an answer to an older check is dropped.
  useEffect(() => {
    if (!file || !format) return;
    const controller = new AbortController();
    setChecking(true);
    setFailure(undefined);
    api.exchange
      .dryRun(
        model.key,
        file,
        { format, ...(mapping ? { mapping } : {}), ...(match ? { match } : {}) },
        controller.signal,
      )
      .then((answer) => {
        setDry(answer);
        setMappingErrors({});
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setDry(undefined);
        setMappingErrors(isApiError(error) && error.fields ? { ...error.fields } : {});
        setFailure(describeError(error));
      })
      .finally(() => {
        if (!controller.signal.aborted) setChecking(false);
      });
    return () => controller.abort();
  }, [api, model.key, file, format, mapping, match]);

  const chooseFile = (chosen: File | undefined) => {
    setFile(chosen);
    setDry(undefined);
    setMapping(undefined);
    setMatch(undefined);
    setFormat(chosen ? (formatOfFile(chosen.name) ?? format) : undefined);
  };
  const shownMapping = mapping ?? dry?.mapping ?? [];
  const remap = (column: string, value: string) =>
    setMapping(
      shownMapping.map((entry) => (entry.column === column ? mappingFromChoice(column, value) : entry)),
    );

  const commit = async () => {
    if (!file || !format || !dry) return;
    const controller = new AbortController();
    running.current = controller;
    setWriting("starting");
    try {
      const result = await api.exchange.commit(
        model.key,
        file,
        { format, mapping: shownMapping, match: dry.match },
        { signal: controller.signal, onProgress: (line) => setWriting(line) },
      );
      toast(
        `Imported ${nouns}: ${result.created.toLocaleString("en")} created, ${result.updated.toLocaleString("en")} updated`,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.allRecords() }),
        queryClient.invalidateQueries({ queryKey: adminKeys.counts() }),
      ]);
      onClose();
    } catch (error) {
      setWriting(undefined);
      if (!controller.signal.aborted) setFailure(describeError(error));
    } finally {
      running.current = null;
    }
  };

  const close = () => {
    running.current?.abort();
    onClose();
  };
  const fieldChoices = importFieldChoices(model, meta.models);
  const ready = dry !== undefined && !checking && dry.errorCount === 0 && dry.summary.rows > 0;
  const progress = writing && writing !== "starting" ? writing : undefined;
  return (
    <Dialog
      open
      title={`Import ${nouns}`}
      onClose={close}
      footer={
        writing ? (
          <button type="button" className="button" onClick={() => running.current?.abort()}>
            Cancel
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={close}>
              Close
            </button>
            <button type="button" className="button button-primary" onClick={commit} disabled={!ready}>
              <Upload size={14} aria-hidden="true" />
              {dry ? `Import ${plural(dry.summary.rows, "row", "rows")}` : "Import"}
            </button>
          </>
        )
      }
    >
      {failure && <Banner>{failure}</Banner>}
      {writing ? (
        <div role="status" aria-live="polite" className="generate-progress">
          <p>
            {progress
              ? `${progress.phase === "checking" ? "Checking" : "Writing"}: ${progress.done.toLocaleString("en")}${progress.total === null ? "" : ` of ${progress.total.toLocaleString("en")}`} rows`
              : "Sending the file…"}
          </p>
          <progress
            max={progress?.total ?? dry?.summary.rows ?? 1}
            value={progress?.phase === "writing" ? progress.done : 0}
            aria-label={`Importing ${nouns}`}
          />
          <p className="muted">Nothing is saved until every row is written; cancelling writes nothing.</p>
        </div>
      ) : (
        <>
          <p style={{ marginTop: 0 }} className="muted">
            A CSV, JSON or NDJSON file, such as an export of this list. Rows whose id names a{" "}
            {inSentence(model.label)} update it, the others create one; every row is checked as the form
            checks it before anything is written, and the import is saved whole or not at all.
          </p>
          <div className="import-grid">
            <label htmlFor={ids.file}>File</label>
            <input
              id={ids.file}
              type="file"
              accept=".csv,.json,.ndjson,.jsonl,text/csv,application/json"
              onChange={(event) => chooseFile(event.target.files?.[0])}
            />
            <label htmlFor={ids.format}>Format</label>
            <select
              id={ids.format}
              className="select"
              value={format ?? ""}
              onChange={(event) => setFormat((event.target.value || undefined) as ExchangeFormat | undefined)}
            >
              <option value="">Choose…</option>
              <option value="csv">CSV</option>
              <option value="json">JSON (a list of objects)</option>
              <option value="ndjson">NDJSON (an object per line)</option>
            </select>
            {dry && (
              <>
                <label htmlFor={ids.match}>Rows update</label>
                <select
                  id={ids.match}
                  className="select"
                  value={dry.match}
                  onChange={(event) => setMatch(event.target.value)}
                >
                  {matchChoices(model, shownMapping).map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.value === "none"
                        ? choice.label
                        : `The ${inSentence(model.label)} with the same ${inSentence(choice.label)}`}
                    </option>
                  ))}
                </select>
              </>
            )}
          </div>
          {shownMapping.length > 0 && (
            <div className="import-section">
              <table className="data-table">
                <caption className="muted">Which field each column fills</caption>
                <thead>
                  <tr>
                    <th scope="col">Column</th>
                    <th scope="col">Field</th>
                  </tr>
                </thead>
                <tbody>
                  {shownMapping.map((entry) => {
                    const problem = mappingErrors[`mapping.${entry.column}`];
                    return (
                      <tr key={entry.column}>
                        <td>{entry.column}</td>
                        <td>
                          <select
                            className="select"
                            aria-label={`Field for the column ${entry.column}`}
                            aria-invalid={problem ? true : undefined}
                            value={choiceValue(entry)}
                            onChange={(event) => remap(entry.column, event.target.value)}
                          >
                            <option value="">Leave out</option>
                            {fieldChoices.map((choice) => (
                              <option key={choice.value} value={choice.value}>
                                {choice.label}
                              </option>
                            ))}
                          </select>
                          {problem && <p className="form-error">{problem}</p>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {checking && <p role="status">Checking the file…</p>}
          {dry && !checking && <ImportRowsTable model={model} dry={dry} />}
        </>
      )}
    </Dialog>
  );
}
