import { addBlockersOf, readOnlyMessage } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { Lock } from "lucide-react";
import { Link } from "react-router";
import { AddBlockedNote } from "../list/AddBlockedNote.js";

/**
 * Shown instead of a form the user may not use ("Read only"), or of a whole page they may not open ("No
 * access", with `message`): a bookmarked link still explains itself.
 */
export function NoPermission(
  props: { backTo: string; backLabel: string } & (
    | { model: ModelMeta; action: "add" | "change" }
    | { message: string }
  ),
) {
  const { backTo, backLabel } = props;
  // Allowed to add, but a required field is hidden: say which, and how the config fixes it.
  const blocked = "model" in props && props.action === "add" && addBlockersOf(props.model) !== undefined;
  return (
    <div className="state" role="status">
      <Lock size={32} aria-hidden="true" />
      <h1>{"message" in props ? "No access" : blocked ? "Cannot be added here" : "Read only"}</h1>
      {"message" in props ? (
        <p>{props.message}</p>
      ) : blocked ? (
        <AddBlockedNote model={props.model} />
      ) : (
        <p>{readOnlyMessage(props.model, props.action)}</p>
      )}
      <Link to={backTo} className="button">
        {backLabel}
      </Link>
    </div>
  );
}
