import { useSession } from "@atrium/client";
import { Lock } from "lucide-react";
import { Link } from "react-router";
import { Skeleton } from "../components/StateViews.js";
import { NotFoundPage } from "../pages/NotFoundPage.js";

/**
 * A model key the metadata does not list: either no such model, or one the user may not view (the server
 * leaves those out of `/api/meta`). `/api/auth/me` tells the two apart, so the user learns to ask for access.
 */
export function UnknownModelPage({ modelKey }: { modelKey: string }) {
  const session = useSession();
  if (session.isPending) return <Skeleton width="30%" height={22} />;
  const known = session.data?.models?.[modelKey];
  if (!known) return <NotFoundPage what={`There is no model “${modelKey}”.`} />;
  return (
    <div className="state">
      <Lock size={32} aria-hidden="true" />
      <h1>No access</h1>
      <p>
        You do not have permission to view “{modelKey}”. Ask an administrator for the permission if you need
        it.
      </p>
      <Link to="/" className="button">
        Back to the overview
      </Link>
    </div>
  );
}
