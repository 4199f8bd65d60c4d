/**
 * `/api/admin/users` (and, through adminRolesRoutes.ts, the roles): users managed in the admin itself, by
 * superusers only. Each change and its audit entry are written in one store transaction (adminAudit.ts).
 * Password hashes never leave the server.
 */
import { type AuthRole, type AuthStore, type AuthUser, assertPasswordPolicy } from "@atrium/auth";
import { AtriumError, type SchemaMeta } from "@atrium/core";
import { type Context, Hono } from "hono";
import type { RouteSet } from "../custom/defineRoutes.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { readJsonBody } from "../readJsonBody.js";
import { added, adminAudit, changed, maxAdminBodyBytes, removed, superuserOf } from "./adminAudit.js";
import { readUserInput } from "./adminInput.js";
import { addRoleRoutes } from "./adminRolesRoutes.js";
import type { AuthRuntime } from "./authRuntime.js";

export interface AdminUser {
  id: string;
  email: string;
  isSuperuser: boolean;
  isActive: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  roles: AuthRole[];
}

export function adminUsersRoutes(
  schema: SchemaMeta,
  runtime: AuthRuntime,
  routeSets: readonly RouteSet[] = [],
): Hono {
  const app = new Hono();
  const { store, passwords } = runtime.services;
  const now = runtime.services.now ?? (() => new Date());
  const audit = adminAudit(schema, now);

  app.use("*", async (c, next) => {
    superuserOf(c, schema);
    return next();
  });

  app.get("/users", async (c) => {
    // Two reads whatever the number of users: the users, then every membership at once.
    const users = await store.listUsers();
    const rolesOf = new Map<string, AuthRole[]>();
    for (const { userId, role } of await store.listRoleMemberships()) {
      const roles = rolesOf.get(userId) ?? [];
      roles.push(role);
      rolesOf.set(userId, roles);
    }
    return c.json({ users: users.map((user) => presentUser(user, rolesOf.get(user.id) ?? [])) });
  });

  app.post("/users", async (c) => {
    const input = readUserInput(await readJsonBody(c, maxAdminBodyBytes), ["email", "password"]);
    const email = input.email as string;
    assertPasswordPolicy(input.password as string, { email });
    const passwordHash = await passwords.hash(input.password as string);
    const user = await store.transaction(async (tx) => {
      const created = await tx.createUser({
        email,
        passwordHash,
        isSuperuser: input.isSuperuser ?? false,
        isActive: input.isActive ?? true,
        createdAt: now(),
      });
      if (input.roles?.length) await setRoles(tx, created.id, input.roles);
      const roles = await roleNames(tx, created.id);
      await audit(tx, c, {
        action: "create",
        recordId: `user:${created.id}`,
        changes: added({
          email: created.email,
          isSuperuser: created.isSuperuser,
          isActive: created.isActive,
          roles,
        }),
      });
      return created;
    });
    return c.json(presentUser(user, await store.listUserRoles(user.id)), 201);
  });
  app.all("/users", methodNotAllowed(["GET", "POST"]));

  app.get("/users/:id", async (c) => {
    const user = await userOf(store, c);
    return c.json(presentUser(user, await store.listUserRoles(user.id)));
  });

  app.patch("/users/:id", async (c) => {
    const before = await userOf(store, c);
    const input = readUserInput(await readJsonBody(c, maxAdminBodyBytes));
    if (input.password !== undefined) {
      throw new AtriumError("validation_failed", "Set passwords with POST /api/admin/users/{id}/password", {
        fields: { password: "Set it with the password form" },
      });
    }
    refuseSelfLockout(c, schema, before, input);
    const user = await store.transaction(async (tx) => {
      const rolesBefore = await roleNames(tx, before.id);
      const { roles, ...patch } = input;
      const after = Object.keys(patch).length ? await tx.updateUser(before.id, patch) : before;
      if (roles) await setRoles(tx, before.id, roles);
      const changes = changed(
        {
          email: before.email,
          isSuperuser: before.isSuperuser,
          isActive: before.isActive,
          roles: rolesBefore,
        },
        {
          email: after.email,
          isSuperuser: after.isSuperuser,
          isActive: after.isActive,
          roles: await roleNames(tx, before.id),
        },
      );
      if (Object.keys(changes).length) {
        await audit(tx, c, { action: "update", recordId: `user:${before.id}`, changes });
      }
      return after;
    });
    return c.json(presentUser(user, await store.listUserRoles(user.id)));
  });

  app.delete("/users/:id", async (c) => {
    const user = await userOf(store, c);
    if (user.id === superuserOf(c, schema).userId) {
      throw new AtriumError("conflict", "You cannot delete your own account; ask another superuser");
    }
    await store.transaction(async (tx) => {
      const roles = await roleNames(tx, user.id);
      await tx.deleteUser(user.id);
      await audit(tx, c, {
        action: "delete",
        recordId: `user:${user.id}`,
        changes: removed({
          email: user.email,
          isSuperuser: user.isSuperuser,
          isActive: user.isActive,
          roles,
        }),
      });
    });
    return c.body(null, 204);
  });
  app.all("/users/:id", methodNotAllowed(["GET", "PATCH", "DELETE"]));

  app.post("/users/:id/password", async (c) => {
    const user = await userOf(store, c);
    const body = (await readJsonBody(c, maxAdminBodyBytes)) as { password?: unknown } | null;
    if (typeof body?.password !== "string") {
      throw new AtriumError("validation_failed", "password: Enter a password", {
        fields: { password: "Enter a password" },
      });
    }
    assertPasswordPolicy(body.password, { email: user.email });
    const passwordHash = await passwords.hash(body.password);
    const self = user.id === superuserOf(c, schema).userId;
    await store.transaction(async (tx) => {
      await tx.updateUser(user.id, { passwordHash });
      // Whoever knew the old password is signed out; the superuser setting their own keeps this session.
      if (!self) await tx.deleteUserSessions(user.id);
      await audit(tx, c, {
        action: "update",
        recordId: `user:${user.id}`,
        changes: { password: { old: "(hidden)", new: "(changed)" } },
      });
    });
    return c.body(null, 204);
  });
  app.all("/users/:id/password", methodNotAllowed(["POST"]));

  addRoleRoutes(app, store, { schema, routeSets }, audit);
  return app;
}

/** A superuser who removes their own rights could leave nobody able to manage the admin. */
function refuseSelfLockout(
  c: Context,
  schema: SchemaMeta,
  user: AuthUser,
  input: { isSuperuser?: boolean; isActive?: boolean },
): void {
  if (user.id !== superuserOf(c, schema).userId) return;
  for (const field of ["isSuperuser", "isActive"] as const) {
    if (input[field] === false) {
      throw new AtriumError("validation_failed", `${field}: You cannot remove this from your own account`, {
        fields: { [field]: "You cannot remove this from your own account; ask another superuser" },
      });
    }
  }
}

async function userOf(store: AuthStore, c: Context): Promise<AuthUser> {
  const user = await store.findUserById(c.req.param("id") ?? "");
  if (!user) throw new AtriumError("not_found", "No user has this id; it may have been deleted");
  return user;
}

async function setRoles(tx: AuthStore, userId: string, roleIds: string[]): Promise<void> {
  const known = new Set((await tx.listRoles()).map((role) => role.id));
  const index = roleIds.findIndex((id) => !known.has(id));
  if (index >= 0) {
    throw new AtriumError("validation_failed", `roles.${index}: No role has the id '${roleIds[index]}'`, {
      fields: { [`roles.${index}`]: "This role does not exist (any more)" },
    });
  }
  await tx.setUserRoles(userId, roleIds);
}

async function roleNames(store: AuthStore, userId: string): Promise<string[]> {
  return (await store.listUserRoles(userId)).map((role) => role.name).sort();
}

function presentUser(user: AuthUser, roles: AuthRole[]): AdminUser {
  return {
    id: user.id,
    email: user.email,
    isSuperuser: user.isSuperuser,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    roles: roles.toSorted((a, b) => a.name.localeCompare(b.name)),
  };
}
