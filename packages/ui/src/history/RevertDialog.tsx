import { describeError, type HistoryEntry, useRevertEntry } from "@atrium/client";
import { Undo2 } from "lucide-react";
import { Banner } from "../components/Banner.js";
import { Dialog } from "../components/Dialog.js";
import { useToast } from "../components/Toasts.js";

function consequence(entry: HistoryEntry, name: string): string {
  switch (entry.action) {
    case "create":
      if (entry.caused > 0) {
        const others = entry.caused === 1 ? "the other record" : `the ${entry.caused} other records`;
        return `This deletes ${name}, which this entry created, and ${others} created with it, all at once.`;
      }
      return `This deletes ${name}, which this entry created.`;
    case "delete":
    case "bulk_delete":
      if (entry.caused > 0) {
        const others = entry.caused === 1 ? "the other record" : `the ${entry.caused} other records`;
        return `This re-creates ${name} with the values it had when it was deleted, and brings back ${others} the delete took with it or changed, all at once.`;
      }
      return `This re-creates ${name} with the values it had when it was deleted.`;
    default:
      if (entry.caused > 0) {
        const others = entry.caused === 1 ? "the other record" : `the ${entry.caused} other records`;
        return `This sets the fields of this change on ${name} back to their old values, and undoes what the same save did to ${others} (rows added are deleted, rows removed come back), all at once.`;
      }
      return `This sets the fields of this change on ${name} back to their old values.`;
  }
}

/** Confirms a revert; a refusal (the record changed since) stays in the dialog with the server's reason. */
export function RevertDialog({
  entry,
  recordName,
  onClose,
}: {
  entry: HistoryEntry | undefined;
  recordName: string;
  onClose: () => void;
}) {
  const revert = useRevertEntry();
  const toast = useToast();
  const close = () => {
    revert.reset();
    onClose();
  };
  return (
    <Dialog
      open={Boolean(entry)}
      title="Revert this change?"
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            {revert.isError ? "Close" : "Cancel"}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={revert.isPending || revert.isError}
            onClick={() => {
              if (!entry) return;
              revert.mutate(entry.id, {
                onSuccess: ({ unrecorded }) => {
                  const empty =
                    unrecorded.length > 0
                      ? `; ${unrecorded.join(", ")} ${unrecorded.length === 1 ? "was" : "were"} never recorded and came back empty`
                      : "";
                  toast(`Reverted the change to “${recordName}”${empty}`);
                  close();
                },
              });
            }}
          >
            <Undo2 size={14} aria-hidden="true" />
            {revert.isPending ? "Reverting…" : "Revert"}
          </button>
        </>
      }
    >
      {revert.isError ? (
        <Banner>
          <p>
            <strong>Cannot revert:</strong> {describeError(revert.error)}
          </p>
        </Banner>
      ) : null}
      {entry && (
        <p style={{ marginTop: 0 }}>
          {consequence(entry, `“${recordName}”`)} The revert is recorded in the history too.
        </p>
      )}
    </Dialog>
  );
}
