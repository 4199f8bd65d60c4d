import { permissionsOf, useModel, useRecord } from "@atrium/client";
import type { ActionMeta, ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { ExternalLink, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ActionDialog } from "../actions/ActionDialog.js";
import { UnknownModelPage } from "../auth/UnknownModelPage.js";
import { ErrorState, PageHeader, Skeleton } from "../components/StateViews.js";
import { useToast } from "../components/Toasts.js";
import { DeleteDialog } from "../delete/DeleteDialog.js";
import { coveredForeignKeys, relatedModel } from "../format/fieldKinds.js";
import { RecordCell } from "../format/RecordCell.js";
import { RecordPanels } from "../slots/RecordPanels.js";
import { SlotItems } from "../slots/SlotItems.js";
import { BytesDownload } from "./BytesDownload.js";
import { RecordTabs } from "./RecordTabs.js";
import { RelatedList } from "./RelatedList.js";
import { viewOnSiteUrl } from "./viewOnSiteUrl.js";

export function RecordPage() {
  const { modelKey = "", id = "" } = useParams();
  const { model, data: meta, isUnknown } = useModel(modelKey);
  if (isUnknown) return <UnknownModelPage modelKey={modelKey} />;
  if (!model || !meta) return <Skeleton width="30%" height={22} />;
  return <RecordDetail key={`${model.key}/${id}`} model={model} models={meta.models} id={id} />;
}

function RecordDetail({ model, models, id }: { model: ModelMeta; models: ModelMeta[]; id: string }) {
  const record = useRecord(model.key, id);
  const [deleting, setDeleting] = useState(false);
  const [running, setRunning] = useState<ActionMeta | null>(null);
  const navigate = useNavigate();
  const toast = useToast();
  if (record.isError) {
    return (
      <ErrorState
        error={record.error}
        title={`Could not load this ${inSentence(model.label)}`}
        onRetry={() => record.refetch()}
      />
    );
  }
  const row = record.data;
  const covered = coveredForeignKeys(model);
  const shown = model.fields.filter(
    (field) => !covered.has(field.name) && !(field.kind === "relation" && field.relation?.toMany),
  );
  const toMany = model.fields.filter((field) => field.kind === "relation" && field.relation?.toMany);
  const editPath = `/m/${model.key}/${encodeURIComponent(id)}/edit`;
  const can = permissionsOf(model);
  const siteUrl = row ? viewOnSiteUrl(model.admin?.viewOnSite, row) : null;
  return (
    <>
      <PageHeader
        title={row ? row.$label : <Skeleton width={240} height={22} />}
        description={model.label}
        actions={
          <>
            {row && <SlotItems slot="record.actions" props={{ model, recordId: row.$id, record: row }} />}
            {siteUrl && (
              <a href={siteUrl} className="button" target="_blank" rel="noopener noreferrer">
                <ExternalLink size={14} aria-hidden="true" />
                View on site
              </a>
            )}
            {row &&
              (model.recordActions ?? []).map((action) => (
                <button key={action.name} type="button" className="button" onClick={() => setRunning(action)}>
                  {action.label}
                </button>
              ))}
            {row && can.add && (
              <Link to={`/m/${model.key}/new?duplicate=${encodeURIComponent(row.$id)}`} className="button">
                Duplicate
              </Link>
            )}
            {can.change && (
              <Link to={editPath} className="button button-primary">
                <Pencil size={14} aria-hidden="true" />
                Edit
              </Link>
            )}
            {can.delete && (
              <button type="button" className="button" onClick={() => setDeleting(true)} disabled={!row}>
                <Trash2 size={14} aria-hidden="true" />
                Delete
              </button>
            )}
          </>
        }
      />
      <RecordTabs modelKey={model.key} id={id} />
      <section className="card" aria-label="Fields">
        <dl className="detail-grid">
          {shown.map((field) => (
            <div key={field.name} style={{ display: "contents" }}>
              <dt>{field.label}</dt>
              <dd>
                {!row ? (
                  <Skeleton width="50%" />
                ) : field.type === "Bytes" && typeof row[field.name] === "string" ? (
                  <BytesDownload
                    base64={row[field.name] as string}
                    fileName={`${model.key}-${field.name}.bin`}
                  />
                ) : (
                  <RecordCell model={model} field={field} record={row} models={models} full />
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      {row && <RecordPanels model={model} record={row} />}
      {row &&
        toMany.map((field) => {
          const related = relatedModel(field, models);
          return related ? (
            <RelatedList
              key={field.name}
              field={field}
              related={related}
              models={models}
              recordId={row.$id}
            />
          ) : null;
        })}
      <ActionDialog
        model={model}
        action={running}
        ids={row ? [row.$id] : []}
        onClose={() => setRunning(null)}
        onDone={(message) => {
          setRunning(null);
          toast(message);
          void record.refetch();
        }}
      />
      <DeleteDialog
        model={model}
        ids={deleting && row ? [row.$id] : []}
        recordLabel={row?.$label}
        versions={row && typeof row.$version === "string" ? { [row.$id]: row.$version } : undefined}
        open={deleting}
        onClose={() => setDeleting(false)}
        onDeleted={() => {
          toast(`Deleted “${row?.$label ?? id}”`);
          navigate(`/m/${model.key}`, { replace: true });
        }}
      />
    </>
  );
}
