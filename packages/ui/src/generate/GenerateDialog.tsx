import {
  type AdminMeta,
  adminKeys,
  describeError,
  type GeneratePreview,
  type GenerateProgressLine,
  isApiError,
  useAdmin,
} from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { useQueryClient } from "@tanstack/react-query";
import { Sparkles } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Banner } from "../components/Banner.js";
import { Dialog } from "../components/Dialog.js";
import { useToast } from "../components/Toasts.js";
import { plural } from "../format/formatCount.js";
import { GeneratePreviewTable } from "./GeneratePreviewTable.js";
import { readGenerateForm } from "./generateForm.js";

export interface GenerateButtonProps {
  model: ModelMeta;
  meta: AdminMeta;
}

/** "Generate…" on a list page: realistic records for the model, previewed, written with progress, cancellable. */
export function GenerateButton({ model, meta }: GenerateButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        <Sparkles size={14} aria-hidden="true" />
        Generate…
      </button>
      {open && <GenerateDialog model={model} meta={meta} onClose={() => setOpen(false)} />}
    </>
  );
}

type Phase = { kind: "form" } | { kind: "running"; line?: GenerateProgressLine } | { kind: "stopped" };

function GenerateDialog({ model, meta, onClose }: GenerateButtonProps & { onClose: () => void }) {
  const { api } = useAdmin();
  const queryClient = useQueryClient();
  const toast = useToast();
  const ids = { count: useId(), seed: useId() };
  const [count, setCount] = useState("50");
  const [seed, setSeed] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [preview, setPreview] = useState<GeneratePreview>();
  const [previewing, setPreviewing] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "form" });
  const running = useRef<AbortController | null>(null);
  const labelOf = (key: string) => meta.models.find((candidate) => candidate.key === key)?.labelPlural ?? key;
  const nouns = inSentence(model.labelPlural);

  /** The form's values, or undefined with the messages placed beside their fields. */
  const read = () => {
    const parsed = readGenerateForm(count, seed);
    setFieldErrors(parsed.errors);
    setFailure(undefined);
    return parsed.request;
  };
  const showError = (error: unknown) => {
    if (isApiError(error) && error.fields) setFieldErrors({ ...error.fields });
    setFailure(describeError(error));
  };
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.allRecords() }),
      queryClient.invalidateQueries({ queryKey: adminKeys.counts() }),
    ]);

  const runPreview = async () => {
    const request = read();
    if (!request) return;
    setPreviewing(true);
    try {
      const answer = await api.generate.preview(model.key, request);
      setPreview(answer);
      // The seed the server drew, so that what is written is what was previewed.
      if (seed === "") setSeed(String(answer.seed));
    } catch (error) {
      showError(error);
    } finally {
      setPreviewing(false);
    }
  };

  const runGeneration = async () => {
    const request = read();
    if (!request) return;
    const controller = new AbortController();
    running.current = controller;
    setPhase({ kind: "running" });
    try {
      const summary = await api.generate.run(model.key, request, {
        signal: controller.signal,
        onProgress: (line) => setPhase({ kind: "running", line }),
      });
      const parents = summary.models.filter((step) => step.model !== model.key && step.created > 0);
      const own = summary.models.find((step) => step.model === model.key)?.created ?? 0;
      toast(
        `Generated ${plural(own, inSentence(model.label), nouns)}` +
          (parents.length > 0
            ? ` (and first ${parents.map((step) => `${step.created} ${inSentence(labelOf(step.model))}`).join(", ")})`
            : "") +
          ` with seed ${summary.seed}`,
      );
      await refresh();
      onClose();
    } catch (error) {
      if (controller.signal.aborted) {
        setPhase({ kind: "stopped" });
        await refresh();
        return;
      }
      setPhase({ kind: "form" });
      showError(error);
    } finally {
      running.current = null;
    }
  };

  const close = () => {
    running.current?.abort();
    onClose();
  };
  const line = phase.kind === "running" ? phase.line : undefined;
  return (
    <Dialog
      open
      title={`Generate ${nouns}`}
      onClose={close}
      footer={
        phase.kind === "running" ? (
          <button type="button" className="button" onClick={() => running.current?.abort()}>
            Cancel
          </button>
        ) : phase.kind === "stopped" ? (
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={runPreview} disabled={previewing}>
              {previewing ? "Previewing…" : "Preview"}
            </button>
            <button type="button" className="button button-primary" onClick={runGeneration}>
              <Sparkles size={14} aria-hidden="true" />
              Generate
            </button>
          </>
        )
      }
    >
      {failure && <Banner>{failure}</Banner>}
      {phase.kind === "stopped" ? (
        <p role="status">
          Stopped. The batch under way when you cancelled was finished; the {nouns} written so far stay, each
          batch saved whole and recorded in the history.
        </p>
      ) : phase.kind === "running" ? (
        <div role="status" aria-live="polite" className="generate-progress">
          <p>
            {line
              ? `${labelOf(line.model)}: ${line.created.toLocaleString("en")} of ${line.count.toLocaleString("en")}` +
                (line.steps > 1 ? ` (step ${line.step + 1} of ${line.steps})` : "")
              : "Starting…"}
          </p>
          <progress max={line?.count ?? 1} value={line?.created ?? 0} aria-label={`Generating ${nouns}`} />
        </div>
      ) : (
        <>
          <p style={{ marginTop: 0 }} className="muted">
            Realistic values chosen by each field's type and name; records this needs first (its required
            relations) are generated too when there are none. The same seed gives the same records.
          </p>
          <div className="generate-fields">
            <label htmlFor={ids.count}>Number of {nouns}</label>
            <div className="form-control">
              <input
                id={ids.count}
                className="input"
                inputMode="numeric"
                value={count}
                aria-invalid={fieldErrors.count ? true : undefined}
                aria-describedby={fieldErrors.count ? `${ids.count}-error` : undefined}
                onChange={(event) => setCount(event.target.value)}
              />
              {fieldErrors.count && (
                <p id={`${ids.count}-error`} className="form-error">
                  {fieldErrors.count}
                </p>
              )}
            </div>
            <label htmlFor={ids.seed}>Seed</label>
            <div className="form-control">
              <input
                id={ids.seed}
                className="input"
                inputMode="numeric"
                placeholder="any (a new one each time)"
                value={seed}
                aria-invalid={fieldErrors.seed ? true : undefined}
                aria-describedby={fieldErrors.seed ? `${ids.seed}-error` : undefined}
                onChange={(event) => setSeed(event.target.value)}
              />
              {fieldErrors.seed && (
                <p id={`${ids.seed}-error`} className="form-error">
                  {fieldErrors.seed}
                </p>
              )}
            </div>
          </div>
          {preview && <GeneratePreviewTable model={model} rows={preview.data} />}
        </>
      )}
    </Dialog>
  );
}
