import { addBlocked } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { Info } from "lucide-react";

/**
 * Where the Add button would be, when a required field hidden from the user blocks creates: why, and for
 * superusers the config lines that fix it (the server names the fields to them only; see addBlocked).
 */
export function AddBlockedNote({ model }: { model: ModelMeta }) {
  const blocked = addBlocked(model);
  if (!blocked) return null;
  return (
    <div className="add-blocked" role="note">
      <Info size={15} aria-hidden="true" />
      <div>
        <p>{blocked.reason}</p>
        {blocked.configLines.length > 0 && (
          <>
            <p>
              To allow it, add to <code>fields</code> in the config:
            </p>
            <pre>{blocked.configLines.join(",\n")}</pre>
          </>
        )}
      </div>
    </div>
  );
}
