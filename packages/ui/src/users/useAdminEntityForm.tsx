import { adminUserKeys, describeError } from "@atrium/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useNavigate } from "react-router";
import { Dialog } from "../components/Dialog.js";
import { useToast } from "../components/Toasts.js";
import { fieldErrorsOf } from "./AdminField.js";

export interface AdminEntityFormOptions<Saved> {
  /** Where the list of these entities is: the page goes back there after a save or a delete. */
  listPath: string;
  save: () => Promise<Saved>;
  /** How the toast names what was saved. */
  nameOf: (saved: Saved) => string;
  /** Deletes the entity being edited; absent on a create form. */
  remove?: () => Promise<unknown>;
  /** How the toast names what was deleted. */
  removedName?: string;
}

/**
 * The save and delete of a user or role form: each refreshes every admin list, says what it did in a toast and
 * returns to the list; a refused save leaves its field errors for the inputs, a refused delete its message for
 * the dialog.
 */
export function useAdminEntityForm<Saved>(options: AdminEntityFormOptions<Saved>) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [deleting, setDeleting] = useState(false);
  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: adminUserKeys.all() });
    toast(message);
    navigate(options.listPath);
  };
  const save = useMutation({
    mutationFn: options.save,
    onSuccess: (saved) => done(`Saved “${options.nameOf(saved)}”`),
  });
  const remove = useMutation({
    mutationFn: () => (options.remove ? options.remove() : Promise.resolve()),
    onSuccess: () => done(`Deleted “${options.removedName ?? ""}”`),
  });
  return {
    save,
    remove,
    errors: fieldErrorsOf(save.error),
    submit: (event: FormEvent) => {
      event.preventDefault();
      save.mutate();
    },
    deleting,
    setDeleting,
  };
}

/** Asks before deleting a user or role; a refusal stays in the dialog. */
export function ConfirmDeleteDialog({
  form,
  title,
  confirmLabel,
  children,
}: {
  form: Pick<ReturnType<typeof useAdminEntityForm>, "remove" | "deleting" | "setDeleting">;
  title: string;
  confirmLabel: string;
  children: ReactNode;
}) {
  const close = () => form.setDeleting(false);
  return (
    <Dialog
      open={form.deleting}
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
            disabled={form.remove.isPending}
            onClick={() => form.remove.mutate()}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {form.remove.isError && <p className="form-error">{describeError(form.remove.error)}</p>}
    </Dialog>
  );
}
