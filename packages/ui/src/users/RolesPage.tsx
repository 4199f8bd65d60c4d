import { adminUserKeys, useAdmin } from "@atrium/client";
import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { Link } from "react-router";
import { ErrorState, PageHeader, Skeleton } from "../components/StateViews.js";
import { SuperuserOnly } from "./SuperuserOnly.js";
import "./users.css";

/** `/admin/roles`: every role, how much it grants and how many users have it. */
export function RolesPage() {
  return (
    <SuperuserOnly>
      <RoleList />
    </SuperuserOnly>
  );
}

function RoleList() {
  const { api } = useAdmin();
  const roles = useQuery({
    queryKey: adminUserKeys.roles(),
    queryFn: ({ signal }) => api.admin.roles(signal),
  });
  if (roles.isError) return <ErrorState error={roles.error} title="Could not load the roles" />;
  return (
    <>
      <PageHeader
        title="Admin roles"
        description="What the members of each role may do; superusers may do everything."
        actions={
          <Link to="/admin/roles/new" className="button button-primary">
            <Plus size={15} aria-hidden="true" />
            Add role
          </Link>
        }
      />
      <div className="card table-scroll">
        <table className="data-table" aria-label="Admin roles" aria-busy={roles.isPending}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="cell-number">
                Permissions
              </th>
              <th scope="col" className="cell-number">
                Members
              </th>
            </tr>
          </thead>
          <tbody>
            {roles.isPending ? (
              <tr>
                <td colSpan={3}>
                  <Skeleton width="50%" />
                </td>
              </tr>
            ) : roles.data.length === 0 ? (
              <tr>
                <td colSpan={3} className="faint">
                  No roles yet. Add one, then give users the role.
                </td>
              </tr>
            ) : (
              roles.data.map((role) => (
                <tr key={role.id}>
                  <td className="cell-title">
                    <Link to={`/admin/roles/${encodeURIComponent(role.id)}`}>{role.name}</Link>
                  </td>
                  <td className="cell-number">{role.permissions.length}</td>
                  <td className="cell-number">{role.members}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
