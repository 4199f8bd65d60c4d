import { useSession } from "@atrium/client";
import { Lock } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { Skeleton } from "../components/StateViews.js";

/** Users and roles pages: superusers only (the server answers 403 to anyone else regardless). */
export function SuperuserOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.isPending) return <Skeleton width="30%" height={22} />;
  if (!session.data?.user.isSuperuser) {
    return (
      <div className="state" role="status">
        <Lock size={32} aria-hidden="true" />
        <h1>Superusers only</h1>
        <p>Only superusers manage users and roles. Ask a superuser if you need a change.</p>
        <Link to="/" className="button">
          Back to the overview
        </Link>
      </div>
    );
  }
  return <>{children}</>;
}
