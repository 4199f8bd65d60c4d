import {
  type AdminRole,
  type AvailablePermissions,
  adminUserKeys,
  describeError,
  useAdmin,
  useMeta,
} from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { useQuery } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { Banner } from "../components/Banner.js";
import { ErrorState, PageHeader, Skeleton } from "../components/StateViews.js";
import { AdminField } from "./AdminField.js";
import {
  fromChecks,
  fromMatrix,
  fromPageChecks,
  type MatrixAction,
  matrixActions,
  type PageChecks,
  type PermissionChecks,
  type PermissionMatrix,
  toChecks,
  toggleCell,
  toggleColumn,
  toMatrix,
  toPageChecks,
} from "./permissionMatrix.js";
import { RoutePermissions } from "./RoutePermissions.js";
import { SuperuserOnly } from "./SuperuserOnly.js";
import { ConfirmDeleteDialog, useAdminEntityForm } from "./useAdminEntityForm.js";
import "./users.css";
import { inSentence } from "@atrium/core";

/** `/admin/roles/new` and `/admin/roles/:id`: a name, a models × actions grid and the custom pages to view. */
export function RoleFormPage() {
  const { id } = useParams();
  return (
    <SuperuserOnly>
      <RoleLoader key={id ?? "new"} id={id} />
    </SuperuserOnly>
  );
}

function RoleLoader({ id }: { id: string | undefined }) {
  const { api } = useAdmin();
  const meta = useMeta();
  const role = useQuery({
    queryKey: adminUserKeys.role(id ?? ""),
    queryFn: ({ signal }) => api.admin.role(id ?? "", signal),
    enabled: id !== undefined,
  });
  const available = useQuery({
    queryKey: adminUserKeys.permissions(),
    queryFn: ({ signal }) => api.admin.permissions(signal),
  });
  const failed = meta.error ?? role.error ?? available.error;
  if (failed) return <ErrorState error={failed} title="Could not load this role" />;
  if (!meta.data || !available.data || (id !== undefined && !role.data)) {
    return <Skeleton width="30%" height={22} />;
  }
  return <RoleForm role={role.data} models={meta.data.models} routes={available.data.routes} />;
}

const actionLabels: Record<MatrixAction, string> = {
  view: "View",
  add: "Add",
  change: "Change",
  delete: "Delete",
};

interface RoleFormProps {
  role?: AdminRole;
  models: ModelMeta[];
  routes: AvailablePermissions["routes"];
}

function RoleForm({ role, models, routes }: RoleFormProps) {
  const { api, registry } = useAdmin();
  const customPages = registry.pages();
  const nameId = useId();
  const [initial] = useState(() => {
    const { matrix, other } = toMatrix(
      role?.permissions ?? [],
      models.map((model) => model.key),
    );
    const split = toPageChecks(
      other,
      customPages.map((page) => page.key),
    );
    const routeSplit = toChecks(
      split.other,
      routes.flatMap((set) => set.permissions),
    );
    return { matrix, pages: split.pages, routes: routeSplit.checks, other: routeSplit.other };
  });
  const [name, setName] = useState(role?.name ?? "");
  const [matrix, setMatrix] = useState<PermissionMatrix>(initial.matrix);
  const [pages, setPages] = useState<PageChecks>(initial.pages);
  const [routeChecks, setRouteChecks] = useState<PermissionChecks>(initial.routes);
  const form = useAdminEntityForm({
    listPath: "/admin/roles",
    save: () => {
      const permissions = fromMatrix(matrix, [
        ...initial.other,
        ...fromPageChecks(pages),
        ...fromChecks(routeChecks),
      ]);
      return role
        ? api.admin.updateRole(role.id, { name, permissions })
        : api.admin.createRole({ name, permissions });
    },
    nameOf: (saved) => saved.name,
    ...(role ? { remove: () => api.admin.deleteRole(role.id), removedName: role.name } : {}),
  });
  const { save, errors, submit } = form;
  const columnChecked = (action: MatrixAction) => models.every((model) => matrix[model.key]?.[action]);
  return (
    <>
      <PageHeader
        title={role ? role.name : "New admin role"}
        description={role ? `Role · ${role.members} ${role.members === 1 ? "member" : "members"}` : "Role"}
        actions={
          role && (
            <button type="button" className="button" onClick={() => form.setDeleting(true)}>
              <Trash2 size={14} aria-hidden="true" />
              Delete
            </button>
          )
        }
      />
      <form onSubmit={submit} noValidate>
        {save.isError && (
          <Banner>
            <p>{describeError(save.error)}</p>
          </Banner>
        )}
        <div className="card form-card">
          <div className="form-grid">
            <AdminField id={nameId} label="Name" error={errors.name}>
              <input
                id={nameId}
                className="input"
                value={name}
                aria-invalid={Boolean(errors.name)}
                onChange={(event) => setName(event.target.value)}
              />
            </AdminField>
          </div>
          <div className="table-scroll">
            <table className="data-table permission-matrix" aria-label="Permissions">
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  {matrixActions.map((action) => (
                    <th key={action} scope="col" className="cell-select">
                      <label className="permission-column">
                        <input
                          type="checkbox"
                          className="checkbox"
                          checked={columnChecked(action)}
                          aria-label={`${actionLabels[action]} every model`}
                          onChange={(event) => setMatrix(toggleColumn(matrix, action, event.target.checked))}
                        />
                        {actionLabels[action]}
                      </label>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {models.map((model) => (
                  <tr key={model.key}>
                    <th scope="row" className="cell-title">
                      {model.labelPlural}
                    </th>
                    {matrixActions.map((action) => (
                      <td key={action} className="cell-select">
                        <input
                          type="checkbox"
                          className="checkbox"
                          checked={matrix[model.key]?.[action] ?? false}
                          aria-label={`${actionLabels[action]} ${inSentence(model.labelPlural)}`}
                          onChange={(event) =>
                            setMatrix(toggleCell(matrix, model.key, action, event.target.checked))
                          }
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {customPages.length > 0 && (
            <div className="table-scroll">
              <table className="data-table permission-matrix" aria-label="Page permissions">
                <thead>
                  <tr>
                    <th scope="col">Pages</th>
                    <th scope="col" className="cell-select">
                      View
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {customPages.map((page) => (
                    <tr key={page.key}>
                      <th scope="row" className="cell-title">
                        {page.title}
                      </th>
                      <td className="cell-select">
                        <input
                          type="checkbox"
                          className="checkbox"
                          checked={pages[page.key] ?? false}
                          aria-label={`View page ${page.title}`}
                          onChange={(event) => setPages({ ...pages, [page.key]: event.target.checked })}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <RoutePermissions routes={routes} checks={routeChecks} onChange={setRouteChecks} />
          {initial.other.length > 0 && (
            <p className="form-help permission-other">
              Also grants (kept as they are):{" "}
              {initial.other.map((permission) => (
                <code key={permission}>{permission} </code>
              ))}
            </p>
          )}
          {Object.entries(errors)
            .filter(([field]) => field.startsWith("permissions"))
            .map(([field, message]) => (
              <p key={field} className="form-error permission-other">
                {message}
              </p>
            ))}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              Save
            </button>
            <Link to="/admin/roles" className="button button-ghost">
              Cancel
            </Link>
          </div>
        </div>
      </form>
      <ConfirmDeleteDialog form={form} title={`Delete “${role?.name}”?`} confirmLabel="Delete role">
        <p>
          Its {role?.members ?? 0} {role?.members === 1 ? "member loses" : "members lose"} what it grants, at
          their next request.
        </p>
      </ConfirmDeleteDialog>
    </>
  );
}
