import { adminUserKeys, useAdmin } from "@atrium/client";
import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { Link } from "react-router";
import { ErrorState, PageHeader, Skeleton } from "../components/StateViews.js";
import { formatDateTime } from "../format/formatDate.js";
import { SuperuserOnly } from "./SuperuserOnly.js";
import "./users.css";

/** `/admin/users`: every account of the admin (not the application's own users), its roles and whether it may sign in. */
export function UsersPage() {
  return (
    <SuperuserOnly>
      <UserList />
    </SuperuserOnly>
  );
}

function UserList() {
  const { api } = useAdmin();
  const users = useQuery({
    queryKey: adminUserKeys.users(),
    queryFn: ({ signal }) => api.admin.users(signal),
  });
  if (users.isError) return <ErrorState error={users.error} title="Could not load the users" />;
  return (
    <>
      <PageHeader
        title="Admin users"
        description={
          users.data
            ? `${users.data.length} ${users.data.length === 1 ? "account signs" : "accounts sign"} in to this admin`
            : undefined
        }
        actions={
          <Link to="/admin/users/new" className="button button-primary">
            <Plus size={15} aria-hidden="true" />
            Add user
          </Link>
        }
      />
      <div className="card table-scroll">
        <table className="data-table" aria-label="Admin users" aria-busy={users.isPending}>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {users.isPending
              ? [0, 1, 2].map((row) => (
                  <tr key={row}>
                    <td colSpan={4}>
                      <Skeleton width="60%" />
                    </td>
                  </tr>
                ))
              : users.data.map((user) => (
                  <tr key={user.id}>
                    <td className="cell-title">
                      <Link to={`/admin/users/${encodeURIComponent(user.id)}`}>{user.email}</Link>
                    </td>
                    <td>
                      {user.roles.map((role) => role.name).join(", ") || <span className="faint">None</span>}
                    </td>
                    <td>
                      <span className="inline-row">
                        {user.isSuperuser && <span className="badge badge-accent">Superuser</span>}
                        {user.isActive ? (
                          <span className="badge">Active</span>
                        ) : (
                          <span className="badge">Inactive</span>
                        )}
                      </span>
                    </td>
                    <td>
                      {user.lastLoginAt ? (
                        formatDateTime(user.lastLoginAt)
                      ) : (
                        <span className="faint">Never</span>
                      )}
                    </td>
                  </tr>
                ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
