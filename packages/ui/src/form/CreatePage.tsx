import {
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
import { PageHeader, Skeleton } from "../components/StateViews.js";
import { useToast } from "../components/Toasts.js";
import { recordPath, relatedModel } from "../format/fieldKinds.js";
import { duplicateValues, formFields, toFormValues } from "./formValues.js";
import { RecordForm } from "./RecordForm.js";

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
  if (isUnknown) return <UnknownModelPage modelKey={modelKey} />;
  if (!model || (prefillId && related && prefillRecord.isPending) || (duplicateId && original.isPending))
    return <Skeleton width="30%" height={22} />;
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
    <CreateRecord key={model.key} model={model} prefill={prefill} original={original.data ?? undefined} />
  );
}

function isToOne(field: FieldMeta): boolean {
  return field.kind === "relation" && !field.relation?.toMany;
}

function CreateRecord({
  model,
  prefill,
  original,
}: {
  model: ModelMeta;
  prefill?: { field: FieldMeta; ref: RecordRef };
  /** The record being duplicated. */
  original?: Row;
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
