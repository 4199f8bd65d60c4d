/** Users and roles administration (`/api/admin/...`), for superusers; the server refuses everyone else. */

export interface AdminRoleRef {
  id: string;
  name: string;
}

export interface AdminUser {
  id: string;
  email: string;
  isSuperuser: boolean;
  isActive: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  roles: AdminRoleRef[];
}

export interface AdminRole extends AdminRoleRef {
  /** Permission strings such as `model:book:change`. */
  permissions: string[];
  /** How many users have the role. */
  members: number;
}

export interface UserWrite {
  email?: string;
  isSuperuser?: boolean;
  isActive?: boolean;
  /** Role ids; replaces the user's roles. */
  roles?: string[];
}

export interface RoleWrite {
  name?: string;
  /** Replaces the role's permissions. */
  permissions?: string[];
}

/** Permissions the server defines beyond models and pages: one per route set and method it answers. */
export interface AvailablePermissions {
  routes: { name: string; permissions: string[] }[];
}

export interface UsersAdminApi {
  users(signal?: AbortSignal): Promise<AdminUser[]>;
  user(id: string, signal?: AbortSignal): Promise<AdminUser>;
  /** A new user needs a password that passes the policy (422 naming `password` otherwise). */
  createUser(body: UserWrite & { email: string; password: string }): Promise<AdminUser>;
  updateUser(id: string, body: UserWrite): Promise<AdminUser>;
  deleteUser(id: string): Promise<void>;
  /** Also signs the user out everywhere (unless it is the caller). */
  setPassword(id: string, password: string): Promise<void>;
  roles(signal?: AbortSignal): Promise<AdminRole[]>;
  role(id: string, signal?: AbortSignal): Promise<AdminRole>;
  createRole(body: RoleWrite & { name: string }): Promise<AdminRole>;
  updateRole(id: string, body: RoleWrite): Promise<AdminRole>;
  deleteRole(id: string): Promise<void>;
  /** What roles can grant besides models and the SPA's pages (the route sets of `createAtriumApp`). */
  permissions(signal?: AbortSignal): Promise<AvailablePermissions>;
}

type Request = <T>(
  method: string,
  path: string,
  init?: { body?: unknown; signal?: AbortSignal },
) => Promise<T>;

export function usersAdminApi(request: Request): UsersAdminApi {
  const seg = encodeURIComponent;
  return {
    async users(signal) {
      return (await request<{ users: AdminUser[] }>("GET", "/api/admin/users", { signal })).users;
    },
    user: (id, signal) => request("GET", `/api/admin/users/${seg(id)}`, { signal }),
    createUser: (body) => request("POST", "/api/admin/users", { body }),
    updateUser: (id, body) => request("PATCH", `/api/admin/users/${seg(id)}`, { body }),
    deleteUser: (id) => request("DELETE", `/api/admin/users/${seg(id)}`),
    setPassword: (id, password) =>
      request("POST", `/api/admin/users/${seg(id)}/password`, { body: { password } }),
    async roles(signal) {
      return (await request<{ roles: AdminRole[] }>("GET", "/api/admin/roles", { signal })).roles;
    },
    role: (id, signal) => request("GET", `/api/admin/roles/${seg(id)}`, { signal }),
    createRole: (body) => request("POST", "/api/admin/roles", { body }),
    updateRole: (id, body) => request("PATCH", `/api/admin/roles/${seg(id)}`, { body }),
    deleteRole: (id) => request("DELETE", `/api/admin/roles/${seg(id)}`),
    permissions: (signal) => request("GET", "/api/admin/permissions", { signal }),
  };
}
