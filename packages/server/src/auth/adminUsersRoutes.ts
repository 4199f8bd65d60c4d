/**
 * `/api/admin/users` and `/api/admin/roles`: users and roles managed in the admin itself, by superusers only.
 * Each change and its audit entry are written in one store transaction. Audit entries of these changes name no
 * model (`model: null`, `recordId: "user:<id>"` / `"role:<id>"`), so the history shows them to superusers only
 * and nobody can revert them as if they were records. Password hashes never leave the server.
 */
import {
  type AuditChanges,
  type AuthRole,
  type AuthStore,
  type AuthUser,
  assertPasswordPolicy,
  type JsonValue,
  type NewAuditEntry,
  type Principal,
} from "@atrium/auth";
import { AtriumError, type SchemaMeta } from "@atrium/core";
import { type Context, Hono } from "hono";
import { type RouteSet, routeSetPermissions } from "../custom/defineRoutes.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { readJsonBody } from "../readJsonBody.js";
import { readRoleInput, readUserInput } from "./adminInput.js";
import type { AuthRuntime } from "./authRuntime.js";
import { accessOf } from "./requestAccess.js";

/** Role forms carry a few hundred permission strings at most. */
const maxAdminBodyBytes = 64 * 1024;

export interface AdminUser {
  id: string;
  email: string;
  isSuperuser: boolean;
  isActive: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  roles: AuthRole[];
}

export interface AdminRole extends AuthRole {
  permissions: string[];
  /** How many users have the role. */
  members: number;
}

export function adminUsersRoutes(
  schema: SchemaMeta,
  runtime: AuthRuntime,
  routeSets: readonly RouteSet[] = [],
): Hono {
  const app = new Hono();
  const targets = { schema, routeSets };
  const { store, passwords } = runtime.services;
  const now = runtime.services.now ?? (() => new Date());

  app.use("*", async (c, next) => {
    superuserOf(c, schema);
    return next();
  });

  const audit = (
    tx: AuthStore,
    c: Context,
    entry: Pick<NewAuditEntry, "action" | "recordId" | "changes">,
  ) => {
    const actor = superuserOf(c, schema);
    return tx.appendAudit({
      at: now(),
      actorId: actor.userId,
      actorEmail: actor.email,
      model: null,
      revertOf: null,
      ...entry,
    });
  };

  app.get("/users", async (c) => {
    const users = await store.listUsers();
    return c.json({ users: await Promise.all(users.map((user) => presentUser(store, user))) });
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
    return c.json(await presentUser(store, user), 201);
  });
  app.all("/users", methodNotAllowed(["GET", "POST"]));

  app.get("/users/:id", async (c) => c.json(await presentUser(store, await userOf(store, c))));

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
    return c.json(await presentUser(store, user));
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

  // What a role can grant beyond the models (in /api/meta) and the SPA's own pages (in its registry).
  app.get("/permissions", (c) =>
    c.json({ routes: routeSets.map((set) => ({ name: set.name, permissions: routeSetPermissions(set) })) }),
  );
  app.all("/permissions", methodNotAllowed(["GET"]));

  app.get("/roles", async (c) => {
    const roles = await store.listRoles();
    const counts = await memberCounts(store);
    return c.json({ roles: await Promise.all(roles.map((role) => presentRole(store, role, counts))) });
  });

  app.post("/roles", async (c) => {
    const input = readRoleInput(await readJsonBody(c, maxAdminBodyBytes), targets, ["name"]);
    const role = await store.transaction(async (tx) => {
      const created = await tx.createRole(input.name as string).catch(nameTaken);
      const permissions = input.permissions ?? [];
      if (permissions.length) await tx.setRolePermissions(created.id, permissions);
      await audit(tx, c, {
        action: "create",
        recordId: `role:${created.id}`,
        changes: added({ name: created.name, permissions }),
      });
      return created;
    });
    return c.json(await presentRole(store, role, await memberCounts(store)), 201);
  });
  app.all("/roles", methodNotAllowed(["GET", "POST"]));

  app.get("/roles/:id", async (c) =>
    c.json(await presentRole(store, await roleOf(store, c), await memberCounts(store))),
  );

  app.patch("/roles/:id", async (c) => {
    const role = await roleOf(store, c);
    const input = readRoleInput(await readJsonBody(c, maxAdminBodyBytes), targets);
    const saved = await store.transaction(async (tx) => {
      const renamed =
        input.name !== undefined && input.name !== role.name
          ? await tx.renameRole(role.id, input.name).catch(nameTaken)
          : role;
      const before = (await tx.listRolePermissions(role.id)).sort();
      if (input.permissions) await tx.setRolePermissions(role.id, input.permissions);
      const changes = changed(
        { name: role.name, permissions: before },
        { name: renamed.name, permissions: input.permissions ?? before },
      );
      if (Object.keys(changes).length) {
        await audit(tx, c, { action: "update", recordId: `role:${role.id}`, changes });
      }
      return renamed;
    });
    return c.json(await presentRole(store, saved, await memberCounts(store)));
  });

  app.delete("/roles/:id", async (c) => {
    const role = await roleOf(store, c);
    await store.transaction(async (tx) => {
      const permissions = (await tx.listRolePermissions(role.id)).sort();
      await tx.deleteRole(role.id);
      await audit(tx, c, {
        action: "delete",
        recordId: `role:${role.id}`,
        changes: removed({ name: role.name, permissions }),
      });
    });
    return c.body(null, 204);
  });
  app.all("/roles/:id", methodNotAllowed(["GET", "PATCH", "DELETE"]));
  return app;
}

function superuserOf(c: Context, schema: SchemaMeta): Principal {
  const principal = accessOf(c, schema).principal;
  if (!principal?.isSuperuser || !principal.isActive) {
    throw new AtriumError("forbidden", "Only superusers manage users and roles. Ask a superuser.");
  }
  return principal;
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

async function roleOf(store: AuthStore, c: Context): Promise<AuthRole> {
  const id = c.req.param("id");
  const role = (await store.listRoles()).find((candidate) => candidate.id === id);
  if (!role) throw new AtriumError("not_found", "No role has this id; it may have been deleted");
  return role;
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

async function presentUser(store: AuthStore, user: AuthUser): Promise<AdminUser> {
  const roles = (await store.listUserRoles(user.id)).sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: user.id,
    email: user.email,
    isSuperuser: user.isSuperuser,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    roles,
  };
}

async function memberCounts(store: AuthStore): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const user of await store.listUsers()) {
    for (const role of await store.listUserRoles(user.id))
      counts.set(role.id, (counts.get(role.id) ?? 0) + 1);
  }
  return counts;
}

async function presentRole(
  store: AuthStore,
  role: AuthRole,
  counts: Map<string, number>,
): Promise<AdminRole> {
  const permissions = (await store.listRolePermissions(role.id)).sort();
  return { id: role.id, name: role.name, permissions, members: counts.get(role.id) ?? 0 };
}

function nameTaken(error: unknown): never {
  if (error instanceof AtriumError && error.code === "unique_violation") {
    throw new AtriumError("unique_violation", "Another role has this name", {
      fields: { name: "Another role has this name" },
    });
  }
  throw error;
}

function added(values: Record<string, JsonValue>): AuditChanges {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { old: null, new: value }]));
}

function removed(values: Record<string, JsonValue>): AuditChanges {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { old: value, new: null }]));
}

function changed(before: Record<string, JsonValue>, after: Record<string, JsonValue>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [name, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[name]))
      changes[name] = { old: before[name] ?? null, new: value };
  }
  return changes;
}
