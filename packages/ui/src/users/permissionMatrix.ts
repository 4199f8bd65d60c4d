/**
 * The role form edits model permissions as a grid of checkboxes; the API stores strings. These convert between
 * the two without losing what the grid cannot show (wildcards, page, action and route permissions).
 */
export type MatrixAction = "view" | "add" | "change" | "delete";

export const matrixActions: readonly MatrixAction[] = ["view", "add", "change", "delete"];

/** Model key -> the actions ticked for it. */
export type PermissionMatrix = Record<string, Record<MatrixAction, boolean>>;

export function toMatrix(
  permissions: readonly string[],
  modelKeys: readonly string[],
): { matrix: PermissionMatrix; other: string[] } {
  const matrix: PermissionMatrix = {};
  for (const key of modelKeys) matrix[key] = { view: false, add: false, change: false, delete: false };
  const other: string[] = [];
  for (const permission of permissions) {
    const [kind, key = "", action = "", ...rest] = permission.split(":");
    const row = matrix[key];
    if (kind === "model" && rest.length === 0 && row && (matrixActions as string[]).includes(action)) {
      row[action as MatrixAction] = true;
    } else {
      other.push(permission);
    }
  }
  return { matrix, other };
}

/** The permission strings of a matrix plus the untouched others, sorted and without duplicates. */
export function fromMatrix(matrix: PermissionMatrix, other: readonly string[] = []): string[] {
  const permissions = new Set(other);
  for (const [key, actions] of Object.entries(matrix)) {
    for (const action of matrixActions) if (actions[action]) permissions.add(`model:${key}:${action}`);
  }
  return [...permissions].sort();
}

/** Ticking change, add or delete implies view, as on the server (who may change a record sees it). */
export function toggleCell(
  matrix: PermissionMatrix,
  key: string,
  action: MatrixAction,
  on: boolean,
): PermissionMatrix {
  const row = matrix[key];
  if (!row) return matrix;
  const next = { ...row, [action]: on };
  if (on && action !== "view") next.view = true;
  if (!on && action === "view") {
    next.add = false;
    next.change = false;
    next.delete = false;
  }
  return { ...matrix, [key]: next };
}

/** A whole column at once ("view every model"), with the same implications as single cells. */
export function toggleColumn(matrix: PermissionMatrix, action: MatrixAction, on: boolean): PermissionMatrix {
  let next = matrix;
  for (const key of Object.keys(matrix)) next = toggleCell(next, key, action, on);
  return next;
}

/** Custom page key -> whether the role grants `page:<key>:view`. */
export type PageChecks = Record<string, boolean>;

/**
 * Ticks the pages registered in this SPA out of the permissions the model grid left aside; the rest (wildcards,
 * pages of another build, actions, routes) stays in `other`, untouched.
 */
export function toPageChecks(
  other: readonly string[],
  pageKeys: readonly string[],
): { pages: PageChecks; other: string[] } {
  const pages: PageChecks = {};
  for (const key of pageKeys) pages[key] = false;
  const rest: string[] = [];
  for (const permission of other) {
    const [kind, key = "", action, ...extra] = permission.split(":");
    if (kind === "page" && action === "view" && extra.length === 0 && key in pages) pages[key] = true;
    else rest.push(permission);
  }
  return { pages, other: rest };
}

/** The `page:<key>:view` strings of the ticked pages. */
export function fromPageChecks(pages: PageChecks): string[] {
  return Object.entries(pages)
    .filter(([, on]) => on)
    .map(([key]) => `page:${key}:view`);
}

/** Permission string -> whether the role grants it, for permissions the server lists (route sets). */
export type PermissionChecks = Record<string, boolean>;

/** Ticks the `known` permissions out of `other`; the rest (wildcards, route sets no longer defined) stays. */
export function toChecks(
  other: readonly string[],
  known: readonly string[],
): { checks: PermissionChecks; other: string[] } {
  const checks: PermissionChecks = Object.fromEntries(known.map((permission) => [permission, false]));
  const rest: string[] = [];
  for (const permission of other) {
    if (permission in checks) checks[permission] = true;
    else rest.push(permission);
  }
  return { checks, other: rest };
}

/** The ticked permission strings. */
export function fromChecks(checks: PermissionChecks): string[] {
  return Object.entries(checks)
    .filter(([, on]) => on)
    .map(([permission]) => permission);
}
