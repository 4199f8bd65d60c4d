/**
 * `/api/admin/roles` and `/api/admin/permissions` (superusers only, as the whole of `/api/admin`): roles, their
 * permissions, and the route permissions a role can grant. A permission naming an unknown model or route set is
 * refused (adminInput.ts), since it would silently grant nothing.
 */
import type { AuthRole, AuthStore } from "@atrium/auth";
import { AtriumError } from "@atrium/core";
import type { Context, Hono } from "hono";
import { routeSetPermissions } from "../custom/defineRoutes.js";
import { methodNotAllowed } from "../middleware/methodNotAllowed.js";
import { readJsonBody } from "../readJsonBody.js";
import { type AdminAudit, added, changed, maxAdminBodyBytes, removed } from "./adminAudit.js";
import { type PermissionTargets, readRoleInput } from "./adminInput.js";

export interface AdminRole extends AuthRole {
  permissions: string[];
  /** How many users have the role. */
  members: number;
}

export function addRoleRoutes(
  app: Hono,
  store: AuthStore,
  targets: PermissionTargets,
  audit: AdminAudit,
): void {
  const { routeSets } = targets;

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
}

async function roleOf(store: AuthStore, c: Context): Promise<AuthRole> {
  const id = c.req.param("id");
  const role = (await store.listRoles()).find((candidate) => candidate.id === id);
  if (!role) throw new AtriumError("not_found", "No role has this id; it may have been deleted");
  return role;
}

/** Each role's number of users, from one read of the memberships (not one per user). */
async function memberCounts(store: AuthStore): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { role } of await store.listRoleMemberships())
    counts.set(role.id, (counts.get(role.id) ?? 0) + 1);
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
