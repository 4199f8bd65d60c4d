import { readOnlyMessage } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { Lock } from "lucide-react";
import { Link } from "react-router";

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
  return (
    <div className="state" role="status">
      <Lock size={32} aria-hidden="true" />
      <h1>{"message" in props ? "No access" : "Read only"}</h1>
      <p>{"message" in props ? props.message : readOnlyMessage(props.model, props.action)}</p>
      <Link to={backTo} className="button">
        {backLabel}
      </Link>
    </div>
  );
}
