/**
 * Who may do what. A permission is a string naming a resource and an action, so custom pages, actions and
 * routes extend the scheme without a new table:
 *   model:<modelKey>:view|add|change|delete     page:<pageKey>:view
 *   action:<modelKey>:<actionName>:run           route:<routeName>:<method or call>
 * A granted permission may use `*` for a whole segment (`model:*:view` views every model). Deny by default:
 * nothing is allowed that no role grants, except to active superusers, who may do everything.
 */
import { AtriumError } from "@atrium/core";

export type ModelAction = "view" | "add" | "change" | "delete";

export const modelActions: readonly ModelAction[] = ["view", "add", "change", "delete"];

/** Who is asking, as the request guard resolved them. */
export interface Principal {
  userId: string;
  email: string;
  isSuperuser: boolean;
  isActive: boolean;
  /** Role names, for field visibility. */
  roles: readonly string[];
  /** Granted permission strings (the union over the user's roles). */
  permissions: ReadonlySet<string>;
}

export function modelPermission(modelKey: string, action: ModelAction): string {
  return `model:${modelKey}:${action}`;
}

export function pagePermission(pageKey: string): string {
  return `page:${pageKey}:view`;
}

export function actionPermission(modelKey: string, actionName: string): string {
  return `action:${modelKey}:${actionName}:run`;
}

export function routePermission(routeName: string, method: string): string {
  return `route:${routeName}:${method.toLowerCase()}`;
}

const segment = /^(?:[A-Za-z0-9_.-]+|\*)$/;
const shapes: Record<string, (parts: string[]) => boolean> = {
  model: (parts) =>
    parts.length === 3 && (parts[2] === "*" || modelActions.includes(parts[2] as ModelAction)),
  page: (parts) => parts.length === 3 && (parts[2] === "view" || parts[2] === "*"),
  action: (parts) => parts.length === 4 && (parts[3] === "run" || parts[3] === "*"),
  route: (parts) => parts.length === 3,
};

/** Null when `permission` is well formed, else what is wrong with it (for the role editor). */
export function checkPermission(permission: string): string | null {
  const parts = permission.split(":");
  if (parts.some((part) => !segment.test(part))) {
    return `'${permission}' has an empty or invalid segment; segments are letters, digits, '_', '.', '-' or '*'`;
  }
  const shape = shapes[parts[0] ?? ""];
  if (!shape) return `'${permission}' must start with model:, page:, action: or route:`;
  if (!shape(parts)) {
    return `'${permission}' does not match ${parts[0]}:${
      {
        model: "<model>:view|add|change|delete",
        page: "<page>:view",
        action: "<model>:<action>:run",
        route: "<route>:<method>",
      }[parts[0] as string]
    }`;
  }
  return null;
}

/** Throws AtriumError("validation_failed") naming the field (`permissions.2`) of the first malformed one. */
export function assertPermissions(permissions: readonly string[], field = "permissions"): void {
  for (const [index, permission] of permissions.entries()) {
    const problem = checkPermission(permission);
    if (problem) {
      throw new AtriumError("validation_failed", `Invalid permission: ${problem}`, {
        fields: { [`${field}.${index}`]: problem },
      });
    }
  }
}

function grants(granted: string, wanted: string[]): boolean {
  const parts = granted.split(":");
  return (
    parts.length === wanted.length && parts.every((part, index) => part === "*" || part === wanted[index])
  );
}

export function can(principal: Principal | null | undefined, permission: string): boolean {
  if (!principal?.isActive) return false;
  if (principal.isSuperuser) return true;
  if (principal.permissions.has(permission)) return true;
  const wanted = permission.split(":");
  for (const granted of principal.permissions) {
    if (granted.includes("*") && grants(granted, wanted)) return true;
  }
  // As in Django, whoever may change records may also see them: an edit form shows the record.
  if (wanted[0] === "model" && wanted[2] === "view" && wanted.length === 3) {
    return can(principal, modelPermission(wanted[1] ?? "", "change"));
  }
  return false;
}

export function modelPermissions(
  principal: Principal | null | undefined,
  modelKey: string,
): Record<ModelAction, boolean> {
  return {
    view: can(principal, modelPermission(modelKey, "view")),
    add: can(principal, modelPermission(modelKey, "add")),
    change: can(principal, modelPermission(modelKey, "change")),
    delete: can(principal, modelPermission(modelKey, "delete")),
  };
}

/** Throws AtriumError("forbidden") (or "unauthorized" without a principal) unless `can` allows it. */
export function assertCan(principal: Principal | null | undefined, permission: string): void {
  if (!principal) throw new AtriumError("unauthorized", "Sign in to continue.");
  if (!can(principal, permission)) {
    throw new AtriumError(
      "forbidden",
      `You do not have the permission '${permission}'. Ask an administrator.`,
    );
  }
}
