import {
  type InlineRows,
  permissionsOf,
  type RecordRef,
  type Row,
  useCreateRecord,
  useModel,
  useRecord,
} from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { NoPermission } from "../auth/NoPermission.js";
import { UnknownModelPage } from "../auth/UnknownModelPage.js";
import { ErrorState, PageHeader, Skeleton } from "../components/StateViews.js";
import { useToast } from "../components/Toasts.js";
import { recordPath, relatedModel } from "../format/fieldKinds.js";
import { duplicateValues, formFields, toFormValues } from "./formValues.js";
import { RecordForm } from "./RecordForm.js";
import { useStoredInlines } from "./useStoredInlines.js";

export function CreatePage() {
  const { modelKey = "" } = useParams();
  const { model, data: meta, isUnknown } = useModel(modelKey);
  const [params] = useSearchParams();
  // `?author=<$id>` starts the new record linked (the "Add" button of a related list uses it).
  const prefillField = model
    ? formFields(model, "create").find((field) => isToOne(field) && params.has(field.name))
    : undefined;
  const prefillId = prefillField ? (params.get(prefillField.name) ?? undefined) : undefined;
  const related = prefillField && meta ? relatedModel(prefillField, meta.models) : undefined;
  const prefillRecord = useRecord(related?.key, prefillId);
  // `?duplicate=<$id>` (the record page's "Duplicate") starts from that record's values.
  const duplicateId = params.get("duplicate") ?? undefined;
  const original = useRecord(duplicateId ? model?.key : undefined, duplicateId);
  // ...and from its inlines' rows, as new rows of the copy (Django's "Save as new" copies them too).
  const originalInlines = useStoredInlines(model, duplicateId);
  if (isUnknown) return <UnknownModelPage modelKey={modelKey} />;
  const loadingOriginal =
    duplicateId && (original.isPending || (originalInlines.hasInlines && originalInlines.query.isPending));
  if (!model || (prefillId && related && prefillRecord.isPending) || loadingOriginal)
    return <Skeleton width="30%" height={22} />;
  // A copy that silently started blank, or without its rows, would be saved as something else than asked for.
  const originalError = duplicateId ? (original.error ?? originalInlines.query.error) : null;
  if (originalError) {
    return (
      <ErrorState
        error={originalError}
        title={`Could not load the ${inSentence(model.label)} to duplicate`}
        onRetry={() => {
          void original.refetch();
          void originalInlines.query.refetch();
        }}
      />
    );
  }
  if (!permissionsOf(model).add) {
    return (
      <NoPermission
        model={model}
        action="add"
        backTo={`/m/${model.key}`}
        backLabel={`Back to ${inSentence(model.labelPlural)}`}
      />
    );
  }
  const prefill =
    prefillField && prefillRecord.data
      ? { field: prefillField, ref: { $id: prefillRecord.data.$id, $label: prefillRecord.data.$label } }
      : undefined;
  return (
    <CreateRecord
      key={model.key}
      model={model}
      prefill={prefill}
      original={original.data ?? undefined}
      originalInlines={originalInlines.query.data}
    />
  );
}

function isToOne(field: FieldMeta): boolean {
  return field.kind === "relation" && !field.relation?.toMany;
}

function CreateRecord({
  model,
  prefill,
  original,
  originalInlines,
}: {
  model: ModelMeta;
  prefill?: { field: FieldMeta; ref: RecordRef };
  /** The record being duplicated. */
  original?: Row;
  /** Its inlines' rows, the copy's first rows. */
  originalInlines?: Record<string, InlineRows> | undefined;
}) {
  const create = useCreateRecord(model.key);
  const navigate = useNavigate();
  const toast = useToast();
  // Taken once per visit: "Save and add another" starts over from these.
  const [defaults] = useState(() => {
    const values = original ? duplicateValues(model, original) : toFormValues(model, "create");
    if (prefill) values[prefill.field.name] = prefill.ref;
    return values;
  });
  return (
    <>
      <PageHeader title={`New ${inSentence(model.label)}`} description={model.help} />
      <RecordForm
        model={model}
        mode="create"
        defaultValues={defaults}
        {...(original && originalInlines ? { inlineRows: originalInlines } : {})}
        cancelTo={`/m/${model.key}`}
        save={(body) => create.mutateAsync(body)}
        onSaved={(row, intent, { allowNavigation }) => {
          toast(`Created “${row.$label}”`);
          if (intent === "another") {
            window.scrollTo({ top: 0 });
            return defaults;
          }
          allowNavigation();
          navigate(
            intent === "continue" ? `${recordPath(model.key, row.$id)}/edit` : recordPath(model.key, row.$id),
          );
          return undefined;
        }}
      />
    </>
  );
}
