/**
 * Which custom pages the signed-in user may open: those granted `page:<key>:view` (what the role editor's
 * "View page" box grants), and those whose own rule the user meets: its `permission` (e.g. `model:order:view`)
 * or its `role`. Custom pages live only in the browser, so this check is the whole gate for their frame; the
 * API calls a page makes are still checked by the server.
 */
import { pagePermission } from "@atrium/auth/permissions";
import type { SessionInfo } from "./authTypes.js";
import type { CustomPageDefinition } from "./extensionTypes.js";
import { sessionCan, sessionHasRole } from "./sessionAccess.js";
import { useSession } from "./useSession.js";

/** No session (an app without sign-in) allows every page, as it allows every model. */
export function canViewPage(
  session: SessionInfo | undefined,
  page: Pick<CustomPageDefinition, "key" | "permission" | "role">,
): boolean {
  if (sessionCan(session, pagePermission(page.key))) return true;
  if (page.role !== undefined) return sessionHasRole(session, page.role);
  return page.permission !== undefined && sessionCan(session, page.permission);
}

/** `pending` while `/api/auth/me` loads: callers show nothing rather than flash a page and take it away. */
export function usePageAccess(): {
  pending: boolean;
  canView: (page: Pick<CustomPageDefinition, "key" | "permission" | "role">) => boolean;
} {
  const session = useSession();
  return {
    pending: session.isPending,
    canView: (page) => canViewPage(session.isError ? undefined : session.data, page),
  };
}
