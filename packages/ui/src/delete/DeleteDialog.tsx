import { describeError, useAdmin, useDeleteRecords } from "@atrium/client";
import type { DeletePreviewGroup, ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { useQueries } from "@tanstack/react-query";
import { Ban, Link2Off, Trash2 } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { Banner } from "../components/Banner.js";
import { Dialog } from "../components/Dialog.js";
import { Skeleton } from "../components/StateViews.js";
import { plural } from "../format/formatCount.js";
import { mergePreviews } from "./mergePreviews.js";

/** Bulk deletes preview at most this many records; beyond that the dialog says the summary is partial. */
const maxPreviews = 25;

export interface DeleteDialogProps {
  model: ModelMeta;
  /** `$id`s to delete; one for a record page, the selection for a bulk delete. */
  ids: string[];
  open: boolean;
  onClose: () => void;
  onDeleted: (count: number) => void;
  /** Shown as the name of a single record. */
  recordLabel?: string;
  /** `$id` -> `$version` as the user saw them: a record changed since is not deleted (409). */
  versions?: Record<string, string>;
}

function Groups({
  title,
  groups,
  icon,
  tone,
}: {
  title: string;
  groups: DeletePreviewGroup[];
  icon: React.ReactNode;
  tone?: string;
}) {
  if (groups.length === 0) return null;
  return (
    <section className="preview-group">
      <h3 style={tone ? { color: tone } : undefined}>
        {icon}
        {title}
      </h3>
      <ul>
        {groups.map((group) => (
          <li key={`${group.model}-${group.via}`}>
            <Link to={`/m/${group.model}`}>
              {plural(group.count, inSentence(group.label), inSentence(group.label))}
            </Link>{" "}
            <span className="faint">(via {group.via})</span>
            {group.examples.length > 0 && (
              <div className="muted">
                {group.examples.join(", ")}
                {group.count > group.examples.length && "…"}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Asks the server what a delete would take with it before offering to delete. */
export function DeleteDialog(props: DeleteDialogProps) {
  // Mounted only while open, so every opening starts with fresh previews and no leftover error.
  return props.open ? <OpenDeleteDialog {...props} /> : null;
}

function OpenDeleteDialog({ model, ids, onClose, onDeleted, recordLabel, versions }: DeleteDialogProps) {
  const { queries } = useAdmin();
  const previewed = ids.slice(0, maxPreviews);
  // Once the delete is sent, previews must not refetch: their records are about to be gone.
  const [sent, setSent] = useState(false);
  const results = useQueries({
    queries: previewed.map((id) => ({ ...queries.deletePreview(model.key, id), enabled: !sent })),
  });
  const remove = useDeleteRecords(model.key);
  const loading = results.some((result) => result.isPending);
  const failed = results.find((result) => result.isError);
  const preview =
    loading || failed
      ? undefined
      : mergePreviews(results.flatMap((result) => (result.data ? [result.data] : [])));
  const what =
    ids.length === 1
      ? recordLabel
        ? `“${recordLabel}”`
        : `this ${inSentence(model.label)}`
      : plural(ids.length, inSentence(model.label), inSentence(model.labelPlural));
  const title =
    ids.length === 1
      ? `Delete ${inSentence(model.label)}?`
      : `Delete ${plural(ids.length, inSentence(model.label), inSentence(model.labelPlural))}?`;
  const confirm = () => {
    setSent(true);
    remove.mutate(
      { ids, versions },
      { onSuccess: (count) => onDeleted(count), onError: () => setSent(false) },
    );
  };
  const close = onClose;
  return (
    <Dialog
      open
      title={title}
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={confirm}
            disabled={!preview?.canDelete || remove.isPending}
          >
            <Trash2 size={14} aria-hidden="true" />
            {remove.isPending ? "Deleting…" : ids.length === 1 ? "Delete" : `Delete ${ids.length}`}
          </button>
        </>
      }
    >
      {remove.isError && <Banner>{describeError(remove.error)}</Banner>}
      {failed ? (
        <Banner>Could not check what this delete would affect: {describeError(failed.error)}</Banner>
      ) : loading ? (
        <div
          style={{ display: "grid", gap: 8 }}
          role="status"
          aria-busy="true"
          aria-label="Checking related records"
        >
          <Skeleton width="80%" />
          <Skeleton width="60%" />
        </div>
      ) : preview && !preview.canDelete ? (
        <>
          <Banner>
            <p>
              {ids.length === 1
                ? `${what} cannot be deleted while other records still point at it.`
                : `Some of the ${what} cannot be deleted while other records still point at them.`}{" "}
              Delete or reassign these first:
            </p>
          </Banner>
          <Groups
            title="Blocking the delete"
            groups={preview.blockers}
            icon={<Ban size={14} aria-hidden="true" />}
            tone="var(--danger)"
          />
        </>
      ) : preview ? (
        <>
          <p style={{ marginTop: 0 }}>
            This permanently deletes {what}.
            {preview.cascades.length === 0 &&
              preview.setNull.length === 0 &&
              " No other records are affected."}
          </p>
          <Groups
            title="Also deleted"
            groups={preview.cascades}
            icon={<Trash2 size={14} aria-hidden="true" />}
            tone="var(--danger)"
          />
          <Groups
            title="Unlinked (set to empty)"
            groups={preview.setNull}
            icon={<Link2Off size={14} aria-hidden="true" />}
          />
        </>
      ) : null}
      {ids.length > maxPreviews && (
        <p className="faint">
          Checked the first {maxPreviews} of {ids.length} records; the others are checked when deleting.
        </p>
      )}
    </Dialog>
  );
}
