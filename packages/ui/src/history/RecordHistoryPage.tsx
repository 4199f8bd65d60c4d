import { useModel, useRecord } from "@atrium/client";
import { useParams } from "react-router";
import { UnknownModelPage } from "../auth/UnknownModelPage.js";
import { PageHeader, Skeleton } from "../components/StateViews.js";
import { RecordTabs } from "../record/RecordTabs.js";
import { HistoryFeed } from "./HistoryFeed.js";

/** `/m/:modelKey/:id/history`: every recorded change of one record, newest first, each revertible. */
export function RecordHistoryPage() {
  const { modelKey = "", id = "" } = useParams();
  const { model, isUnknown } = useModel(modelKey);
  // A deleted record has no row but still has its history: the title falls back to its id.
  const record = useRecord(model?.key, id);
  if (isUnknown) return <UnknownModelPage modelKey={modelKey} />;
  if (!model) return <Skeleton width="30%" height={22} />;
  const title = record.data ? (
    record.data.$label
  ) : record.isPending ? (
    <Skeleton width={240} height={22} />
  ) : (
    `${model.label} #${id}`
  );
  return (
    <>
      <PageHeader title={title} description={`${model.label} · History`} />
      <RecordTabs modelKey={model.key} id={id} />
      <HistoryFeed
        key={`${model.key}/${id}`}
        filter={{ model: model.key, record: id }}
        emptyText="No recorded changes yet"
      />
    </>
  );
}
