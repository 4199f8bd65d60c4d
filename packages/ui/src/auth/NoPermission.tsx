import { readOnlyMessage } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { Lock } from "lucide-react";
import { Link } from "react-router";

/** Shown instead of a form the user may not use: a bookmarked edit link still explains itself. */
export function NoPermission({
  model,
  action,
  backTo,
  backLabel,
}: {
  model: ModelMeta;
  action: "add" | "change";
  backTo: string;
  backLabel: string;
}) {
  return (
    <div className="state" role="status">
      <Lock size={32} aria-hidden="true" />
      <h1>Read only</h1>
      <p>{readOnlyMessage(model, action)}</p>
      <Link to={backTo} className="button">
        {backLabel}
      </Link>
    </div>
  );
}
