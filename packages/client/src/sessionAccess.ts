/**
 * What the signed-in user may do, decided in the browser with the server's own `can` rules (wildcards,
 * superusers), so the UI hides what the server would refuse. The server still checks every request.
 */
// The "./permissions" entry imports nothing of Node; the package index does (scrypt), so the SPA takes only it.
import { can, type Principal } from "@atrium/auth/permissions";
import type { SessionInfo } from "./authTypes.js";
import { useSession } from "./useSession.js";

function principalOf(session: SessionInfo): Principal {
  return {
    userId: session.user.id,
    email: session.user.email,
    isSuperuser: session.user.isSuperuser,
    // Only active users get a session; the server ends an inactive user's sessions.
    isActive: true,
    roles: session.roles ?? [],
    permissions: new Set(session.permissions),
  };
}

/** Whether `session` grants `permission` (e.g. `model:order:view`); no session (no sign-in) allows everything. */
export function sessionCan(session: SessionInfo | undefined, permission: string): boolean {
  return session ? can(principalOf(session), permission) : true;
}

/** Whether the user has the role named `role`; superusers count as having every role, as they may do all. */
export function sessionHasRole(session: SessionInfo | undefined, role: string): boolean {
  if (!session) return true;
  return session.user.isSuperuser || (session.roles ?? []).includes(role);
}

/**
 * Whether the signed-in user is granted `permission`, e.g. `useCan("model:order:change")` or
 * `useCan("route:sales:get")`. False while the session loads, so nothing flashes and disappears.
 */
export function useCan(permission: string): boolean {
  const session = useSession();
  if (session.isPending) return false;
  // An error means an app without sign-in (a 401 sends the user to the login page instead).
  return sessionCan(session.isError ? undefined : session.data, permission);
}
