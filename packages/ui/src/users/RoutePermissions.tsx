import type { AvailablePermissions } from "@atrium/client";
import type { PermissionChecks } from "./permissionMatrix.js";

const methods = ["get", "post", "put", "patch", "delete"] as const;

export interface RoutePermissionsProps {
  routes: AvailablePermissions["routes"];
  checks: PermissionChecks;
  onChange(checks: PermissionChecks): void;
}

/** The route sets of the server (`defineRoutes`) × the methods each answers: `route:<name>:<method>`. */
export function RoutePermissions({ routes, checks, onChange }: RoutePermissionsProps) {
  if (routes.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table permission-matrix" aria-label="Route permissions">
        <thead>
          <tr>
            <th scope="col">API routes</th>
            {methods.map((method) => (
              <th key={method} scope="col" className="cell-select">
                {method.toUpperCase()}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {routes.map((set) => (
            <tr key={set.name}>
              <th scope="row" className="cell-title">
                {set.name}
              </th>
              {methods.map((method) => {
                const permission = `route:${set.name}:${method}`;
                return (
                  <td key={method} className="cell-select">
                    {set.permissions.includes(permission) && (
                      <input
                        type="checkbox"
                        className="checkbox"
                        checked={checks[permission] ?? false}
                        aria-label={`${method.toUpperCase()} ${set.name} routes`}
                        onChange={(event) => onChange({ ...checks, [permission]: event.target.checked })}
                      />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
