/**
 * The behaviour every AuthStore must have, as a vitest suite. Each implementation calls it with a factory
 * that opens a fresh, empty store (memoryAuthStore.test.ts, and @atrium/prisma's system store on SQLite,
 * PostgreSQL and MySQL/MariaDB).
 */
import { AtriumError } from "@atrium/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuthStore, NewAuditEntry, StoredSession } from "../authStore.js";

export interface OpenedStore {
  store: AuthStore;
  close(): Promise<void>;
}

const t0 = new Date("2026-01-01T10:00:00.123Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

async function caught(promise: Promise<unknown>): Promise<AtriumError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AtriumError) return error;
    throw error;
  }
  throw new Error("expected an AtriumError");
}

function entry(overrides: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return {
    at: t0,
    actorId: null,
    actorEmail: "ann@example.com",
    action: "update",
    model: "book",
    recordId: "1",
    changes: { title: { old: "Old", new: "New" } },
    revertOf: null,
    ...overrides,
  };
}

function session(overrides: Partial<StoredSession> & { userId: string }): StoredSession {
  return { tokenHash: "a".repeat(64), createdAt: t0, lastSeenAt: t0, expiresAt: at(3_600_000), ...overrides };
}

export function authStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`AuthStore contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: AuthStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    const addUser = (email: string, extra: { isSuperuser?: boolean; isActive?: boolean } = {}) =>
      store.createUser({ email, passwordHash: "scrypt$hash", createdAt: t0, ...extra });

    it("finds users by email whatever its case, and keeps it as typed", async () => {
      const created = await addUser("Ann@Example.com", { isSuperuser: true });
      expect(created).toMatchObject({
        email: "Ann@Example.com",
        isSuperuser: true,
        isActive: true,
        lastLoginAt: null,
      });
      const found = await store.findUserByEmail("  ann@EXAMPLE.com ");
      expect(found).toEqual(created);
      expect(found?.createdAt.getTime()).toBe(t0.getTime());
      expect(await store.findUserById(created.id)).toEqual(created);
      expect(await store.findUserByEmail("bob@example.com")).toBeNull();
      expect(await store.countUsers()).toBe(1);
    });

    it("refuses a second user with the same email in another case, naming the email field", async () => {
      await addUser("ann@example.com");
      const error = await caught(addUser("ANN@example.com"));
      expect(error.code).toBe("unique_violation");
      expect(error.fields).toHaveProperty("email");
      const bob = await addUser("bob@example.com");
      expect((await caught(store.updateUser(bob.id, { email: "Ann@example.com" }))).code).toBe(
        "unique_violation",
      );
    });

    it("updates users and says not_found for unknown ids", async () => {
      const ann = await addUser("ann@example.com");
      const updated = await store.updateUser(ann.id, {
        lastLoginAt: at(5),
        isActive: false,
        passwordHash: "new",
      });
      expect(updated).toMatchObject({ isActive: false, passwordHash: "new", email: "ann@example.com" });
      expect((await store.findUserById(ann.id))?.lastLoginAt?.getTime()).toBe(at(5).getTime());
      expect((await caught(store.updateUser("missing", { isActive: true }))).code).toBe("not_found");
    });

    it("grants permissions through roles and forgets them with the role", async () => {
      const ann = await addUser("ann@example.com");
      const editors = await store.createRole("editors");
      const viewers = await store.createRole("viewers");
      expect((await caught(store.createRole("editors"))).code).toBe("unique_violation");
      expect((await caught(store.renameRole(viewers.id, "editors"))).code).toBe("unique_violation");
      expect((await caught(store.renameRole("missing", "readers"))).code).toBe("not_found");
      expect(await store.renameRole(viewers.id, "readers")).toEqual({ id: viewers.id, name: "readers" });
      expect(await store.renameRole(viewers.id, "readers")).toEqual({ id: viewers.id, name: "readers" });
      await store.renameRole(viewers.id, "viewers");
      await store.setRolePermissions(editors.id, ["model:book:change", "model:book:view"]);
      await store.setRolePermissions(viewers.id, ["model:author:view", "model:book:view"]);
      await store.setRolePermissions(viewers.id, ["model:author:view", "model:book:view", "page:sales:view"]);
      await store.setUserRoles(ann.id, [editors.id, viewers.id]);
      expect((await store.listUserRoles(ann.id)).map((role) => role.name)).toEqual(["editors", "viewers"]);
      const bob = await addUser("bob@example.com");
      await store.setUserRoles(bob.id, [viewers.id]);
      const memberships = await store.listRoleMemberships();
      expect(memberships.map((membership) => membership.role.name)).toEqual([
        "editors",
        "viewers",
        "viewers",
      ]);
      expect(memberships).toEqual(
        expect.arrayContaining([
          { userId: ann.id, role: editors },
          { userId: ann.id, role: { id: viewers.id, name: "viewers" } },
          { userId: bob.id, role: { id: viewers.id, name: "viewers" } },
        ]),
      );
      expect(await store.listUserPermissions(ann.id)).toEqual([
        "model:author:view",
        "model:book:change",
        "model:book:view",
        "page:sales:view",
      ]);
      await store.deleteRole(viewers.id);
      expect(await store.listUserPermissions(ann.id)).toEqual(["model:book:change", "model:book:view"]);
      expect((await store.listRoles()).map((role) => role.name)).toEqual(["editors"]);
      await store.setUserRoles(ann.id, []);
      expect(await store.listUserPermissions(ann.id)).toEqual([]);
    });

    it("stores sessions by token hash, touches, and deletes them", async () => {
      const ann = await addUser("ann@example.com");
      const first = session({ userId: ann.id });
      await store.createSession(first);
      await store.createSession(session({ userId: ann.id, tokenHash: "b".repeat(64) }));
      expect(await store.findSession(first.tokenHash)).toEqual(first);
      await store.touchSession(first.tokenHash, at(60_000));
      expect((await store.findSession(first.tokenHash))?.lastSeenAt.getTime()).toBe(at(60_000).getTime());
      await store.deleteSession(first.tokenHash);
      expect(await store.findSession(first.tokenHash)).toBeNull();
      expect(await store.deleteUserSessions(ann.id)).toBe(1);
      expect(await store.findSession("b".repeat(64))).toBeNull();
    });

    it("deletes expired and idle sessions, and a deleted user's sessions", async () => {
      const ann = await addUser("ann@example.com");
      await store.createSession(session({ userId: ann.id, tokenHash: "1".repeat(64), expiresAt: at(10) }));
      await store.createSession(session({ userId: ann.id, tokenHash: "2".repeat(64), lastSeenAt: at(0) }));
      await store.createSession(session({ userId: ann.id, tokenHash: "3".repeat(64), lastSeenAt: at(500) }));
      expect(await store.deleteExpiredSessions(at(10), at(100))).toBe(2);
      expect(await store.findSession("3".repeat(64))).not.toBeNull();
      await store.deleteUser(ann.id);
      expect(await store.findSession("3".repeat(64))).toBeNull();
      expect(await store.findUserById(ann.id)).toBeNull();
    });

    it("keeps API tokens by hash, lists a user's newest first, records use and revocation", async () => {
      const ann = await addUser("ann@example.com");
      const bob = await addUser("bob@example.com");
      const token = (name: string, hash: string, userId: string, ms: number) =>
        store.createApiToken({
          userId,
          name,
          prefix: `atr_${hash.slice(0, 8)}`,
          tokenHash: hash.repeat(64),
          readOnly: name === "reports",
          createdAt: at(ms),
          expiresAt: at(ms + 86_400_000),
        });
      const first = await token("deploy", "c", ann.id, 0);
      const second = await token("reports", "d", ann.id, 1000);
      await token("bob's", "e", bob.id, 500);
      expect(first).toMatchObject({ name: "deploy", readOnly: false, lastUsedAt: null, revokedAt: null });
      expect(await store.findApiTokenByHash("d".repeat(64))).toEqual(second);
      expect(await store.findApiToken(first.id)).toEqual(first);
      expect((await store.listApiTokens(ann.id)).map((each) => each.name)).toEqual(["reports", "deploy"]);

      await store.touchApiToken(first.id, at(5000));
      expect((await store.findApiToken(first.id))?.lastUsedAt?.getTime()).toBe(at(5000).getTime());
      expect(await store.revokeApiToken(first.id, at(6000))).toBe(true);
      // A second revoke keeps the first date: the owner sees when it really stopped working.
      expect(await store.revokeApiToken(first.id, at(9000))).toBe(true);
      expect((await store.findApiTokenByHash("c".repeat(64)))?.revokedAt?.getTime()).toBe(at(6000).getTime());
      expect(await store.revokeApiToken("no-such-token", at(6000))).toBe(false);

      expect((await caught(token("orphan", "f", "no-such-user", 0))).code).toBe("not_found");
      await store.deleteUser(ann.id);
      expect(await store.findApiTokenByHash("d".repeat(64))).toBeNull();
      expect(await store.listApiTokens(ann.id)).toEqual([]);
      expect(await store.listApiTokens(bob.id)).toHaveLength(1);
    });

    it("lists login attempts newest first within the window, clears and prunes them", async () => {
      for (const ms of [0, 1000, 2000, 3000])
        await store.recordLoginAttempt("account:ann@example.com", at(ms));
      await store.recordLoginAttempt("ip:10.0.0.1", at(2500));
      const times = await store.listLoginAttempts("account:ann@example.com", at(500), 10);
      expect(times.map((time) => time.getTime())).toEqual(
        [at(3000), at(2000), at(1000)].map((d) => d.getTime()),
      );
      expect(await store.listLoginAttempts("account:ann@example.com", at(500), 2)).toHaveLength(2);
      expect(await store.pruneLoginAttempts(at(1500))).toBe(2);
      await store.clearLoginAttempts("account:ann@example.com");
      expect(await store.listLoginAttempts("account:ann@example.com", at(-1), 10)).toEqual([]);
      expect(await store.listLoginAttempts("ip:10.0.0.1", at(-1), 10)).toHaveLength(1);
    });

    it("keeps audit entries with their changes, newest first, filtered and paged", async () => {
      const changes = {
        title: { old: "Ünïcode ✓", new: null },
        tags: { old: ["a"], new: { nested: [1, true] } },
      };
      const first = await store.appendAudit(entry({ changes, at: at(0) }));
      const second = await store.appendAudit(entry({ action: "delete", recordId: "2", at: at(1) }));
      const third = await store.appendAudit(
        entry({ action: "revert", revertOf: first.id, actorId: "u1", model: "author", at: at(2) }),
      );
      const login = await store.appendAudit(
        entry({ action: "login", model: null, recordId: null, at: at(3) }),
      );
      expect(await store.getAudit(first.id)).toEqual({
        ...entry({ changes, at: at(0) }),
        causeId: null,
        id: first.id,
      });
      expect((await store.listAudit()).map((e) => e.id)).toEqual([login.id, third.id, second.id, first.id]);
      expect((await store.listAudit({ model: "book" })).map((e) => e.id)).toEqual([second.id, first.id]);
      expect((await store.listAudit({ model: "book", recordId: "1" })).map((e) => e.id)).toEqual([first.id]);
      expect((await store.listAudit({ actorId: "u1" }))[0]?.revertOf).toBe(first.id);
      expect((await store.listAudit({ action: "delete" })).map((e) => e.id)).toEqual([second.id]);
      expect((await store.listAudit({ before: third.id, limit: 1 })).map((e) => e.id)).toEqual([second.id]);
      expect(await store.getAudit("missing")).toBeNull();
      expect(first.causeId).toBeNull();
    });

    it("links the entries a change caused to it", async () => {
      const cause = await store.appendAudit(entry({ action: "delete", at: at(0) }));
      const taken = await store.appendAudit(
        entry({ action: "delete", model: "edition", recordId: "7", causeId: cause.id, at: at(0) }),
      );
      const cleared = await store.appendAudit(
        entry({ model: "award", recordId: "3", causeId: cause.id, at: at(0) }),
      );
      await store.appendAudit(entry({ at: at(1) }));
      expect((await store.getAudit(taken.id))?.causeId).toBe(cause.id);
      expect((await store.listAudit({ causeId: cause.id })).map((e) => e.id)).toEqual([cleared.id, taken.id]);
      expect(await store.listAudit({ causeId: taken.id })).toEqual([]);
      expect((await store.listAudit({ topLevel: true })).map((e) => e.action)).toEqual(["update", "delete"]);
      const counts = await store.countCausedAudit([cause.id, taken.id, "unknown"]);
      expect([...counts]).toEqual([[cause.id, 2]]);
      expect([...(await store.countCausedAudit([cause.id], ["award", "author"]))]).toEqual([[cause.id, 1]]);
      expect((await store.countCausedAudit([cause.id], [])).size).toBe(0);
      expect((await store.countCausedAudit([])).size).toBe(0);
    });

    it("keeps all writes of a transaction or none", async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.createUser({ email: "ann@example.com", passwordHash: "x", createdAt: t0 });
          await tx.appendAudit(entry());
          throw new Error("injected failure after the change");
        }),
      ).rejects.toThrow("injected failure");
      expect(await store.countUsers()).toBe(0);
      expect(await store.listAudit()).toEqual([]);
      const user = await store.transaction(async (tx) => {
        const created = await tx.createUser({ email: "ann@example.com", passwordHash: "x", createdAt: t0 });
        await tx.appendAudit(entry({ action: "create", actorId: created.id }));
        return created;
      });
      expect(await store.findUserById(user.id)).not.toBeNull();
      expect(await store.listAudit({ actorId: user.id })).toHaveLength(1);
    });
  });
}
