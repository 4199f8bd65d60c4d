import { type AdminUser, adminUserKeys, describeError, useAdmin, useSession } from "@atrium/client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { Banner } from "../components/Banner.js";
import { ErrorState, PageHeader, Skeleton } from "../components/StateViews.js";
import { useToast } from "../components/Toasts.js";
import { ApiTokensPanel } from "../tokens/ApiTokensPanel.js";
import { AdminField, fieldErrorsOf } from "./AdminField.js";
import { SuperuserOnly } from "./SuperuserOnly.js";
import { ConfirmDeleteDialog, useAdminEntityForm } from "./useAdminEntityForm.js";
import "./users.css";

/** `/admin/users/new` and `/admin/users/:id`. */
export function UserFormPage() {
  const { id } = useParams();
  return (
    <SuperuserOnly>
      <UserLoader key={id ?? "new"} id={id} />
    </SuperuserOnly>
  );
}

function UserLoader({ id }: { id: string | undefined }) {
  const { api } = useAdmin();
  const user = useQuery({
    queryKey: adminUserKeys.user(id ?? ""),
    queryFn: ({ signal }) => api.admin.user(id ?? "", signal),
    enabled: id !== undefined,
  });
  if (id === undefined) return <UserForm />;
  if (user.isError) return <ErrorState error={user.error} title="Could not load this user" />;
  if (!user.data) return <Skeleton width="30%" height={22} />;
  return <UserForm user={user.data} />;
}

function UserForm({ user }: { user?: AdminUser }) {
  const { api } = useAdmin();
  const me = useSession().data?.user;
  const idPrefix = useId();
  const roles = useQuery({
    queryKey: adminUserKeys.roles(),
    queryFn: ({ signal }) => api.admin.roles(signal),
  });
  const [email, setEmail] = useState(user?.email ?? "");
  const [password, setPassword] = useState("");
  const [isSuperuser, setSuperuser] = useState(user?.isSuperuser ?? false);
  const [isActive, setActive] = useState(user?.isActive ?? true);
  const [roleIds, setRoleIds] = useState<Set<string>>(new Set(user?.roles.map((role) => role.id)));
  const self = user !== undefined && user.id === me?.id;
  const form = useAdminEntityForm({
    listPath: "/admin/users",
    save: () => {
      const body = { email, isSuperuser, isActive, roles: [...roleIds] };
      return user ? api.admin.updateUser(user.id, body) : api.admin.createUser({ ...body, password });
    },
    nameOf: (saved) => saved.email,
    ...(user ? { remove: () => api.admin.deleteUser(user.id), removedName: user.email } : {}),
  });
  const { save, errors, submit } = form;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <PageHeader
        title={user ? user.email : "New admin user"}
        description="User"
        actions={
          user &&
          !self && (
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
            <AdminField id={id("email")} label="Email" error={errors.email}>
              <input
                id={id("email")}
                className="input"
                type="email"
                autoComplete="off"
                value={email}
                aria-invalid={Boolean(errors.email)}
                onChange={(event) => setEmail(event.target.value)}
              />
            </AdminField>
            {!user && (
              <AdminField
                id={id("password")}
                label="Password"
                error={errors.password}
                help="At least 12 characters; not the email address."
              >
                <input
                  id={id("password")}
                  className="input"
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  aria-invalid={Boolean(errors.password)}
                  onChange={(event) => setPassword(event.target.value)}
                />
              </AdminField>
            )}
            <AdminField
              id={id("active")}
              label="Active"
              error={errors.isActive}
              help="Inactive users cannot sign in; their sessions end at once."
            >
              <input
                id={id("active")}
                className="checkbox"
                type="checkbox"
                checked={isActive}
                disabled={self}
                onChange={(event) => setActive(event.target.checked)}
              />
            </AdminField>
            <AdminField
              id={id("superuser")}
              label="Superuser"
              error={errors.isSuperuser}
              help="Superusers may do everything, including managing users and roles."
            >
              <input
                id={id("superuser")}
                className="checkbox"
                type="checkbox"
                checked={isSuperuser}
                disabled={self}
                onChange={(event) => setSuperuser(event.target.checked)}
              />
            </AdminField>
            <fieldset className="form-field admin-fieldset" aria-labelledby={id("roles")}>
              <div className="form-label" id={id("roles")}>
                Roles
              </div>
              <div className="form-control">
                {roles.isPending ? (
                  <Skeleton width="40%" />
                ) : roles.data?.length ? (
                  <ul className="admin-checklist">
                    {roles.data.map((role) => (
                      <li key={role.id}>
                        <label>
                          <input
                            className="checkbox"
                            type="checkbox"
                            checked={roleIds.has(role.id)}
                            onChange={(event) => {
                              const next = new Set(roleIds);
                              if (event.target.checked) next.add(role.id);
                              else next.delete(role.id);
                              setRoleIds(next);
                            }}
                          />{" "}
                          {role.name}
                        </label>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="form-help">
                    No roles yet. <Link to="/admin/roles/new">Add a role</Link> first.
                  </p>
                )}
                {Object.entries(errors)
                  .filter(([name]) => name.startsWith("roles"))
                  .map(([name, message]) => (
                    <p key={name} className="form-error">
                      {message}
                    </p>
                  ))}
              </div>
            </fieldset>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              Save
            </button>
            <Link to="/admin/users" className="button button-ghost">
              Cancel
            </Link>
          </div>
        </div>
      </form>
      {user && <PasswordForm user={user} />}
      {user && <ApiTokensPanel userId={user.id} />}
      <ConfirmDeleteDialog form={form} title={`Delete “${user?.email}”?`} confirmLabel="Delete user">
        <p>The user is signed out and can no longer sign in. The history keeps their email.</p>
      </ConfirmDeleteDialog>
    </>
  );
}

function PasswordForm({ user }: { user: AdminUser }) {
  const { api } = useAdmin();
  const toast = useToast();
  const inputId = useId();
  const [password, setPassword] = useState("");
  const change = useMutation({
    mutationFn: () => api.admin.setPassword(user.id, password),
    onSuccess: () => {
      setPassword("");
      toast(`Password of “${user.email}” changed`);
    },
  });
  const error =
    fieldErrorsOf(change.error).password ?? (change.isError ? describeError(change.error) : undefined);
  return (
    <form
      className="admin-password"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate();
      }}
      noValidate
    >
      <div className="card form-card">
        <h2>Set a new password</h2>
        <div className="form-grid">
          <AdminField
            id={inputId}
            label="New password"
            error={error}
            help="The user is signed out everywhere and signs in with the new password."
          >
            <input
              id={inputId}
              className="input"
              type="password"
              autoComplete="new-password"
              value={password}
              aria-invalid={Boolean(error)}
              onChange={(event) => setPassword(event.target.value)}
            />
          </AdminField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={change.isPending || password === ""}>
            Set password
          </button>
        </div>
      </div>
    </form>
  );
}
