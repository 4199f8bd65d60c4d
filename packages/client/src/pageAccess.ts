/**
 * Which custom pages the signed-in user may open: `page:<key>:view`, with the server's `can` rules (wildcards,
 * superusers). Custom pages live only in the browser, so this check is the whole gate for their frame; the
 * API calls a page makes are still checked by the server.
 */
// The "./permissions" entry imports nothing of Node; the package index does (scrypt), so the SPA takes only it.
import { can, type Principal, pagePermission } from "@atrium/auth/permissions";
import type { SessionInfo } from "./authTypes.js";
import { useSession } from "./useSession.js";

/** No session (an app without sign-in) allows every page, as it allows every model. */
export function canViewPage(session: SessionInfo | undefined, pageKey: string): boolean {
  if (!session) return true;
  const principal: Principal = {
    userId: session.user.id,
    email: session.user.email,
    isSuperuser: session.user.isSuperuser,
    // Only active users get a session; the server ends an inactive user's sessions.
    isActive: true,
    roles: [],
    permissions: new Set(session.permissions),
  };
  return can(principal, pagePermission(pageKey));
}

/** `pending` while `/api/auth/me` loads: callers show nothing rather than flash a page and take it away. */
export function usePageAccess(): { pending: boolean; canView: (pageKey: string) => boolean } {
  const session = useSession();
  return {
    pending: session.isPending,
    canView: (pageKey) => canViewPage(session.isError ? undefined : session.data, pageKey),
  };
}
