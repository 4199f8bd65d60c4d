/**
 * Users and roles managed through the admin API: superusers only, validated, audited, and role changes felt by
 * signed-in members on their very next request.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestApi, TestSession } from "./openTestApi.js";
import { openDemoApi } from "./schemaPaths.js";

const strongPassword = "correct horse battery staple";

describe("users and roles administration", () => {
  let api: TestApi;
  let member: TestSession;

  beforeAll(async () => {
    api = await openDemoApi();
    member = await api.userSession("member@test.atrium", { permissions: ["model:book:view"] });
  }, 60_000);
  afterAll(() => api?.close());

  it("refuses every admin route to a user who is not a superuser, whatever the method", async () => {
    const [user] = (await api.get("/api/admin/users")).body.users;
    const [role] = (await api.get("/api/admin/roles")).body.roles;
    const calls = [
      member.get("/api/admin/users"),
      member.post("/api/admin/users", { email: "x@y.z", password: strongPassword }),
      member.get(`/api/admin/users/${user.id}`),
      member.patch(`/api/admin/users/${user.id}`, { isActive: false }),
      member.delete(`/api/admin/users/${user.id}`),
      member.post(`/api/admin/users/${user.id}/password`, { password: strongPassword }),
      member.get("/api/admin/roles"),
      member.post("/api/admin/roles", { name: "Sneaky" }),
      member.get(`/api/admin/roles/${role.id}`),
      member.patch(`/api/admin/roles/${role.id}`, { permissions: ["model:*:*"] }),
      member.delete(`/api/admin/roles/${role.id}`),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
    }
    expect((await api.get(`/api/admin/users/${user.id}`)).body.isActive).toBe(true);
  });

  it("creates a role and a user in it who can then sign in with the password given", async () => {
    const role = await api.post("/api/admin/roles", {
      name: "Book editors",
      permissions: ["model:book:change", "model:book:view"],
    });
    expect(role.status).toBe(201);
    expect(role.body).toMatchObject({
      name: "Book editors",
      permissions: ["model:book:change", "model:book:view"],
    });

    const created = await api.post("/api/admin/users", {
      email: "editor@test.atrium",
      password: strongPassword,
      roles: [role.body.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "editor@test.atrium", isSuperuser: false, isActive: true });
    expect(created.body.roles).toEqual([{ id: role.body.id, name: "Book editors" }]);
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt|passwordHash/);
    const listed = await api.get("/api/admin/users");
    expect(listed.text).not.toMatch(/scrypt|passwordHash/);

    const editor = await api.signIn("editor@test.atrium", strongPassword);
    const me = await editor.get("/api/auth/me");
    expect(me.body.models.book).toEqual({ view: true, add: false, change: true, delete: false });
    expect(me.body.models.customer.view).toBe(false);
    expect((await api.get(`/api/admin/roles/${role.body.id}`)).body.members).toBe(1);
  });

  it("applies a role's new permissions on the member's next request", async () => {
    const session = await api.userSession("growing@test.atrium", { roles: ["Growing"] });
    const role = (await api.get("/api/admin/roles")).body.roles.find(
      (candidate: { name: string }) => candidate.name === "Growing",
    );
    expect((await session.get("/api/records/customer")).status).toBe(403);
    // The SPA shows pages that require a role by the role names the session carries.
    expect((await session.get("/api/auth/me")).body.roles).toEqual(["Growing"]);
    const granted = await api.patch(`/api/admin/roles/${role.id}`, { permissions: ["model:customer:view"] });
    expect(granted.status).toBe(200);
    expect((await session.get("/api/records/customer")).status).toBe(200);
    await api.patch(`/api/admin/roles/${role.id}`, { permissions: [] });
    expect((await session.get("/api/records/customer")).status).toBe(403);
  });

  it("refuses unknown models and malformed permissions with 422 naming the entry", async () => {
    const typo = await api.post("/api/admin/roles", {
      name: "Typo",
      permissions: ["model:book:view", "model:bok:change"],
    });
    expect(typo.status).toBe(422);
    expect(typo.body.error.fields["permissions.1"]).toMatch(/bok/);
    const malformed = await api.post("/api/admin/roles", { name: "Typo", permissions: ["model:book:edit"] });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.fields).toHaveProperty("permissions.0");
    expect((await api.get("/api/admin/roles")).body.roles.map((r: { name: string }) => r.name)).not.toContain(
      "Typo",
    );
  });

  it("enforces the password policy, ends the user's sessions on a new password, and hides both passwords", async () => {
    const weak = await api.post("/api/admin/users", { email: "weak@test.atrium", password: "short" });
    expect(weak.status).toBe(422);
    expect(weak.body.error.fields).toHaveProperty("password");

    const session = await api.userSession("reset@test.atrium", { permissions: ["model:book:view"] });
    const user = (await api.get("/api/admin/users")).body.users.find(
      (candidate: { email: string }) => candidate.email === "reset@test.atrium",
    );
    const tooWeak = await api.post(`/api/admin/users/${user.id}/password`, { password: "aaaaaaaaaaaaaa" });
    expect(tooWeak.status).toBe(422);
    const reset = await api.post(`/api/admin/users/${user.id}/password`, { password: strongPassword });
    expect(reset.status).toBe(204);
    expect((await session.get("/api/records/book")).status).toBe(401);
    await api.signIn("reset@test.atrium", strongPassword);
  });

  it("audits every change without password hashes, visible to superusers only", async () => {
    const created = await api.post("/api/admin/users", {
      email: "audited@test.atrium",
      password: strongPassword,
    });
    await api.patch(`/api/admin/users/${created.body.id}`, { isActive: false });
    await api.post(`/api/admin/users/${created.body.id}/password`, { password: `${strongPassword}!` });
    expect((await api.delete(`/api/admin/users/${created.body.id}`)).status).toBe(204);
    const entries = (await api.authStore.listAudit({ limit: 200 })).filter(
      (entry) => entry.recordId === `user:${created.body.id}`,
    );
    expect(entries.map((entry) => entry.action)).toEqual(["delete", "update", "update", "create"]);
    expect(entries[2]?.changes).toEqual({ isActive: { old: true, new: false } });
    expect(entries.every((entry) => entry.actorEmail === "admin@test.atrium" && entry.model === null)).toBe(
      true,
    );
    expect(JSON.stringify(entries)).not.toMatch(/scrypt/);
    const memberHistory = await member.get("/api/history?limit=200");
    expect(memberHistory.text).not.toContain(created.body.id);
  });

  it("keeps a superuser from locking themselves out and reports unknown ids, taken emails and names", async () => {
    const me = (await api.get("/api/auth/me")).body.user;
    const demote = await api.patch(`/api/admin/users/${me.id}`, { isSuperuser: false });
    expect(demote.status).toBe(422);
    expect(demote.body.error.fields).toHaveProperty("isSuperuser");
    expect((await api.delete(`/api/admin/users/${me.id}`)).status).toBe(409);
    expect((await api.get("/api/admin/users/no-such-id")).status).toBe(404);
    expect((await api.get("/api/admin/roles/no-such-id")).status).toBe(404);
    const taken = await api.post("/api/admin/users", {
      email: "ADMIN@test.atrium",
      password: strongPassword,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toHaveProperty("email");
    await api.post("/api/admin/roles", { name: "Twice" });
    const twice = await api.post("/api/admin/roles", { name: "Twice" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.fields).toHaveProperty("name");
    const unknownRole = await api.patch(`/api/admin/users/${me.id}`, { roles: ["no-such-role"] });
    expect(unknownRole.status).toBe(422);
    expect(unknownRole.body.error.fields).toHaveProperty("roles.0");
    const extra = await api.post("/api/admin/users", {
      email: "x@y.z",
      password: strongPassword,
      passwordHash: "x",
    });
    expect(extra.status).toBe(422);
    expect(extra.body.error.fields).toHaveProperty("passwordHash");
  });

  it("renames a role keeping its id, members and permissions, and refuses a taken name with 409", async () => {
    const session = await api.userSession("renamed@test.atrium", { roles: ["Drafters"] });
    const role = (await api.get("/api/admin/roles")).body.roles.find(
      (candidate: { name: string }) => candidate.name === "Drafters",
    );
    await api.patch(`/api/admin/roles/${role.id}`, { permissions: ["model:author:view"] });
    const renamed = await api.patch(`/api/admin/roles/${role.id}`, { name: "Writers" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: role.id, name: "Writers", permissions: ["model:author:view"] });
    expect((await api.get(`/api/admin/roles/${role.id}`)).body.name).toBe("Writers");
    expect((await session.get("/api/records/author")).status).toBe(200);
    await api.post("/api/admin/roles", { name: "Editors of record" });
    const taken = await api.patch(`/api/admin/roles/${role.id}`, { name: "Editors of record" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toHaveProperty("name");
    expect((await api.get(`/api/admin/roles/${role.id}`)).body.name).toBe("Writers");
    expect((await api.get(`/api/admin/roles/${role.id}`)).body.members).toBe(1);
  });

  it("deletes a role and takes its permissions away from its members", async () => {
    const session = await api.userSession("doomed@test.atrium", { roles: ["Doomed"] });
    const role = (await api.get("/api/admin/roles")).body.roles.find(
      (candidate: { name: string }) => candidate.name === "Doomed",
    );
    await api.patch(`/api/admin/roles/${role.id}`, { permissions: ["model:author:view"] });
    expect((await session.get("/api/records/author")).status).toBe(200);
    expect((await api.delete(`/api/admin/roles/${role.id}`)).status).toBe(204);
    expect((await session.get("/api/records/author")).status).toBe(403);
  });

  it("lists the users with their roles, and the roles with their member counts, in two reads however many users", async () => {
    for (const name of ["ada", "bea", "cy"]) {
      await api.userSession(`${name}@listed.atrium`, {
        roles: name === "cy" ? ["Listers", "Auditors"] : ["Listers"],
      });
    }
    const perUser = vi.spyOn(api.authStore, "listUserRoles");
    const allAtOnce = vi.spyOn(api.authStore, "listRoleMemberships");
    try {
      const users = (await api.get("/api/admin/users")).body.users as {
        id: string;
        email: string;
        roles: { name: string }[];
      }[];
      const rolesOf = (email: string) =>
        users.find((user) => user.email === email)?.roles.map((role) => role.name);
      expect(rolesOf("ada@listed.atrium")).toEqual(["Listers"]);
      expect(rolesOf("cy@listed.atrium")).toEqual(["Auditors", "Listers"]);
      expect(rolesOf("member@test.atrium")).toEqual(["role of member@test.atrium"]);
      const roles = (await api.get("/api/admin/roles")).body.roles as { name: string; members: number }[];
      const membersOf = (name: string) => roles.find((role) => role.name === name)?.members;
      expect([membersOf("Listers"), membersOf("Auditors")]).toEqual([3, 1]);
      // The session's own roles are read per request (to know its permissions); nobody else's.
      const listed = users.filter((user) => user.email.endsWith("@listed.atrium")).map((user) => user.id);
      expect(listed).toHaveLength(3);
      expect(perUser.mock.calls.filter(([userId]) => listed.includes(userId))).toEqual([]);
      expect(allAtOnce).toHaveBeenCalledTimes(2);
    } finally {
      perUser.mockRestore();
      allAtOnce.mockRestore();
    }
  });
});
