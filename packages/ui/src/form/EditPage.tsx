import {
  emptyListState,
  type InlineRows,
  permissionsOf,
  type RecordRef,
  type Row,
  useAdmin,
  useModel,
  useRecord,
  useUpdateRecord,
} from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { NoPermission } from "../auth/NoPermission.js";
import { UnknownModelPage } from "../auth/UnknownModelPage.js";
import { ErrorState, PageHeader, Skeleton } from "../components/StateViews.js";
import { useToast } from "../components/Toasts.js";
import { recordPath, relatedModel } from "../format/fieldKinds.js";
import { formFields, isManyToMany, toFormValues } from "./formValues.js";
import { RecordForm } from "./RecordForm.js";
import { useStoredInlines } from "./useStoredInlines.js";

/** Many-to-many pickers start from the linked records; a record only carries their count. */
const maxLinked = 500;

export function EditPage() {
  const { modelKey = "", id = "" } = useParams();
  const { model, data: meta, isUnknown } = useModel(modelKey);
  if (isUnknown) return <UnknownModelPage modelKey={modelKey} />;
  if (!model || !meta) return <Skeleton width="30%" height={22} />;
  if (!permissionsOf(model).change) {
    return (
      <NoPermission
        model={model}
        action="change"
        backTo={recordPath(model.key, id)}
        backLabel={`View the ${inSentence(model.label)}`}
      />
    );
  }
  return <EditRecord key={`${model.key}/${id}`} model={model} models={meta.models} id={id} />;
}

function EditRecord({ model, models, id }: { model: ModelMeta; models: ModelMeta[]; id: string }) {
  const { queries } = useAdmin();
  const record = useRecord(model.key, id);
  const { hasInlines, query: inlines, reload: loadInlines } = useStoredInlines(model, id);
  const manyFields = formFields(model, "edit").filter(isManyToMany);
  const linked = useQueries({
    queries: manyFields.map((field) => {
      const related = relatedModel(field, models);
      const backField = field.relation?.backField ?? "";
      const state = {
        ...emptyListState(),
        perPage: maxLinked,
        filters: [{ path: backField, op: "in" as const, value: id }],
      };
      return {
        ...queries.list(related?.key ?? "", state),
        enabled: Boolean(related && backField),
        staleTime: 0,
      };
    }),
  });
  const loading =
    record.isPending ||
    (hasInlines && inlines.isPending) ||
    linked.some((query) => query.isPending && query.fetchStatus !== "idle");
  const failed = record.error ?? inlines.error ?? linked.find((query) => query.isError)?.error;
  if (failed) {
    return (
      <ErrorState
        error={failed}
        title={`Could not load this ${inSentence(model.label)}`}
        onRetry={() => record.refetch()}
      />
    );
  }
  const refs: Record<string, RecordRef[]> = {};
  manyFields.forEach((field, index) => {
    refs[field.name] = (linked[index]?.data?.data ?? []).map((row) => ({ $id: row.$id, $label: row.$label }));
  });
  return (
    <>
      <PageHeader
        title={record.data ? `Edit “${record.data.$label}”` : <Skeleton width={240} height={22} />}
        description={model.label}
      />
      {loading || !record.data ? (
        <div className="card card-body" style={{ display: "grid", gap: 16, maxWidth: 880 }} aria-busy="true">
          <Skeleton width="60%" />
          <Skeleton width="80%" />
          <Skeleton width="40%" />
        </div>
      ) : (
        <EditForm
          model={model}
          id={id}
          row={record.data}
          refs={refs}
          {...(hasInlines && inlines.data ? { inlineRows: inlines.data, reloadInlines: loadInlines } : {})}
        />
      )}
    </>
  );
}

function EditForm({
  model,
  id,
  row,
  refs,
  inlineRows,
  reloadInlines,
}: {
  model: ModelMeta;
  id: string;
  row: Row;
  refs: Record<string, RecordRef[]>;
  inlineRows?: Record<string, InlineRows>;
  reloadInlines?: () => Promise<Record<string, InlineRows>>;
}) {
  const update = useUpdateRecord(model.key);
  const navigate = useNavigate();
  const toast = useToast();
  // Defaults are taken once: a background refetch must not reset what the user is typing.
  const [defaultValues] = useState(() => toFormValues(model, "edit", row, refs));
  const manyFields = formFields(model, "edit").filter(isManyToMany);
  return (
    <RecordForm
      model={model}
      mode="edit"
      defaultValues={defaultValues}
      cancelTo={recordPath(model.key, id)}
      version={typeof row.$version === "string" ? row.$version : undefined}
      {...(inlineRows ? { inlineRows } : {})}
      {...(reloadInlines ? { reloadInlines } : {})}
      save={(body) => update.mutateAsync({ id, body })}
      onSaved={(saved, intent, { allowNavigation, submitted }) => {
        toast(`Saved “${saved.$label}”`);
        if (intent === "continue" && saved.$id === id) {
          // The saved many-to-many sets are what the form sent; the row itself only has their counts.
          const savedRefs = Object.fromEntries(
            manyFields.map((field) => [field.name, submitted[field.name] as RecordRef[]]),
          );
          return toFormValues(model, "edit", saved, savedRefs);
        }
        allowNavigation();
        if (intent === "another") navigate(`/m/${model.key}/new`);
        else if (intent === "continue")
          navigate(`${recordPath(model.key, saved.$id)}/edit`, { replace: true });
        else navigate(recordPath(model.key, saved.$id));
        return undefined;
      }}
    />
  );
}
