import { useCreateRecord, useModel } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { useMemo } from "react";
import { useNavigate, useParams } from "react-router";
import { PageHeader, Skeleton } from "../components/StateViews.js";
import { useToast } from "../components/Toasts.js";
import { recordPath } from "../format/fieldKinds.js";
import { NotFoundPage } from "../pages/NotFoundPage.js";
import { toFormValues } from "./formValues.js";
import { RecordForm } from "./RecordForm.js";

export function CreatePage() {
  const { modelKey = "" } = useParams();
  const { model, isUnknown } = useModel(modelKey);
  if (isUnknown) return <NotFoundPage what={`There is no model “${modelKey}”.`} />;
  if (!model) return <Skeleton width="30%" height={22} />;
  return <CreateRecord key={model.key} model={model} />;
}

function CreateRecord({ model }: { model: ModelMeta }) {
  const create = useCreateRecord(model.key);
  const navigate = useNavigate();
  const toast = useToast();
  const defaults = useMemo(() => toFormValues(model, "create"), [model]);
  return (
    <>
      <PageHeader title={`New ${model.label.toLowerCase()}`} description={model.help} />
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
