import { type InlineRows, isApiError, type Row } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { ErrorBanner } from "../components/Banner.js";
import { ConflictPanel } from "./ConflictPanel.js";
import { type ConflictField, conflictDiff, currentFormValues } from "./conflictDiff.js";
import { FormField } from "./FormField.js";
import { FormSection } from "./FormSection.js";
import { formSections } from "./formSections.js";
import {
  type FormMode,
  type FormValues,
  formFields,
  toWriteBody,
  writeOnlyFormFields,
} from "./formValues.js";
import { placeServerErrors } from "./placeServerErrors.js";
import { useInlineRows } from "./useInlineRows.js";
import { useUnsavedChangesGuard } from "./useUnsavedChangesGuard.js";
import { WriteOnlyField } from "./WriteOnlyField.js";

/** What happens after a successful save, Django-style. */
export type SaveIntent = "save" | "continue" | "another";

export interface RecordFormProps {
  model: ModelMeta;
  mode: FormMode;
  defaultValues: FormValues;
  /** Sends the body; rejects with an ApiError whose `fields` land next to their inputs. */
  save: (body: Record<string, unknown>) => Promise<Row>;
  /**
   * Runs after a save: navigate (call `allowNavigation` first so the unsaved-changes guard lets it
   * through), or return the values to keep editing with.
   */
  onSaved: (
    row: Row,
    intent: SaveIntent,
    context: { allowNavigation: () => void; submitted: FormValues },
  ) => FormValues | undefined;
  cancelTo: string;
  /** Edit: the `$version` of the loaded record, sent with every save so a stale save answers 409. */
  version?: string;
  /**
   * The rows of the record's inlines (config `inlines`) as loaded; on a create form, those of the record it
   * duplicates, which start as new rows of the copy. Create starts with none without them.
   */
  inlineRows?: Record<string, InlineRows>;
  /** Edit: reads the inlines' rows again after a save that stays on the form. */
  reloadInlines?: () => Promise<Record<string, InlineRows>>;
}

/** A save refused because someone else saved first: the record as it is now, and what they changed. */
interface Conflict {
  current: Row;
  currentValues: FormValues;
  changes: ConflictField[];
}

function conflictRow(error: unknown): Row | undefined {
  if (!isApiError(error) || error.code !== "conflict") return undefined;
  const current = (error.details as { current?: unknown } | undefined)?.current;
  return current && typeof current === "object" && !Array.isArray(current) && "$id" in current
    ? (current as Row)
    : undefined;
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export function RecordForm({
  model,
  mode,
  defaultValues,
  save,
  onSaved,
  cancelTo,
  version,
  inlineRows,
  reloadInlines,
}: RecordFormProps) {
  const form = useForm<FormValues>({ defaultValues, mode: "onTouched" });
  const { control, handleSubmit, formState, reset, setError, setFocus } = form;
  const [failure, setFailure] = useState<{ error: unknown; unplaced: Record<string, string> }>();
  const intent = useRef<SaveIntent>("save");
  const initial = useRef(defaultValues);
  const versionRef = useRef(version);
  const [conflict, setConflict] = useState<Conflict>();
  const formRef = useRef<HTMLFormElement>(null);
  const idPrefix = useId();
  const writeOnlyFields = writeOnlyFormFields(model);
  const writeOnly = new Set(writeOnlyFields.map((field) => field.name));
  const sections = formSections(model, [...formFields(model, mode), ...writeOnlyFields]);
  // Every input in the order shown, for placing server errors and focusing the first invalid one.
  const inputs = sections.flatMap((section) => section.fields);
  const inlines = useInlineRows(model, inlineRows, mode);
  const guard = useUnsavedChangesGuard(formState.isDirty);

  const submit = handleSubmit(
    async (values) => {
      setFailure(undefined);
      setConflict(undefined);
      try {
        const body = toWriteBody(model, mode, values, initial.current, versionRef.current);
        const rows = inlines.body();
        const row = await save(rows ? { ...body, $inlines: rows } : body);
        if (typeof row.$version === "string") versionRef.current = row.$version;
        const next = onSaved(row, intent.current, {
          allowNavigation: guard.allowNavigation,
          submitted: values,
        });
        if (next) {
          initial.current = next;
          reset(next);
          if (inlines.any) inlines.reset(reloadInlines ? await reloadInlines() : undefined);
        }
      } catch (error) {
        const rest = inlines.failed(error, () => void submit());
        if (rest === true) return;
        const current = conflictRow(error);
        if (current) {
          const currentValues = currentFormValues(model, current, initial.current);
          const changes = conflictDiff(model, initial.current, currentValues, values);
          setConflict({ current, currentValues, changes });
          return;
        }
        let unplaced: Record<string, string> = {};
        if (isApiError(error) && error.fields) {
          const placement = placeServerErrors(inputs, rest ?? error.fields);
          for (const [name, message] of Object.entries(placement.placed)) {
            setError(name, { type: "server", message });
          }
          unplaced = placement.unplaced;
        }
        setFailure({ error, unplaced });
        formRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
      }
    },
    (errors) => {
      const first = inputs.find((field) => errors[field.name]);
      if (first) setFocus(first.name);
    },
  );

  // Ctrl/Cmd+S saves and stays, like an editor.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        intent.current = "continue";
        void submit();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [submit]);

  const button = (value: SaveIntent, label: string, primary = false) => (
    <button
      type="submit"
      className={primary ? "button button-primary" : "button"}
      disabled={formState.isSubmitting}
      onClick={() => {
        intent.current = value;
      }}
    >
      {formState.isSubmitting && intent.current === value ? "Saving…" : label}
    </button>
  );

  const reloadTheirs = () => {
    if (!conflict) return;
    versionRef.current =
      typeof conflict.current.$version === "string" ? conflict.current.$version : undefined;
    initial.current = conflict.currentValues;
    reset(conflict.currentValues);
    setConflict(undefined);
  };
  const overwriteWithMine = () => {
    if (!conflict) return;
    // Deliberately: the same edits, now claiming to be made from the version the other person saved.
    versionRef.current =
      typeof conflict.current.$version === "string" ? conflict.current.$version : undefined;
    void submit();
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      {failure && <ErrorBanner error={failure.error} unplacedFields={failure.unplaced} />}
      {conflict && (
        <ConflictPanel
          changes={conflict.changes}
          onReload={reloadTheirs}
          onOverwrite={overwriteWithMine}
          busy={formState.isSubmitting}
        />
      )}
      <div className="card form-card">
        {sections.map((section, index) => (
          <FormSection
            key={section.fieldset?.title ?? `rest-${index}`}
            hasError={section.fields.some((field) => formState.errors[field.name])}
            {...(section.fieldset ? { fieldset: section.fieldset } : {})}
          >
            {section.fields.map((field) =>
              writeOnly.has(field.name) ? (
                <WriteOnlyField
                  key={field.name}
                  field={field}
                  control={control}
                  mode={mode}
                  idPrefix={idPrefix}
                />
              ) : (
                <FormField
                  key={field.name}
                  model={model}
                  field={field}
                  control={control}
                  mode={mode}
                  idPrefix={idPrefix}
                />
              ),
            )}
          </FormSection>
        ))}
        {inlines.render(idPrefix, formState.isSubmitting)}
        <div className="form-actions">
          {button("save", "Save", true)}
          {button("continue", "Save and continue editing")}
          {button("another", "Save and add another")}
          <Link to={cancelTo} className="button button-ghost">
            Cancel
          </Link>
          <span className="hint">
            <span className="kbd">{isMac ? "⌘" : "Ctrl"}</span> <span className="kbd">S</span> saves
          </span>
        </div>
      </div>
      {guard.dialog}
    </form>
  );
}
