/**
 * The system store's tests for one database: the AuthStore contract, its tables, and the promise the audit
 * log rests on: an entry written through withTransaction(tx) commits and rolls back with the data change.
 */
import type { DatabaseProvider } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authStoreContract } from "../../../../auth/src/testing/authStoreContract.js";
import { databaseIsReachable } from "../../testing/databaseIsReachable.js";
import type { NewAuditEntry } from "../auth.js";
import { ensureSystemTables } from "../ensureSystemTables.js";
import { createSqlRunner, type SqlExecutor } from "../sqlRunner.js";
import { openSystemStoreDatabase, type SystemStoreDatabase } from "./openSystemStoreDatabase.js";

const audit = (recordId: string): NewAuditEntry => ({
  at: new Date(),
  actorId: null,
  actorEmail: "ann@example.com",
  action: "create",
  model: "organization",
  recordId,
  changes: { name: { old: null, new: "Acme" } },
  revertOf: null,
});

export async function systemStoreSuite(provider: DatabaseProvider): Promise<void> {
  const reachable = await databaseIsReachable(provider);
  describe.skipIf(!reachable)(`system store on ${provider}`, () => {
    let db: SystemStoreDatabase;
    beforeAll(async () => {
      db = await openSystemStoreDatabase(provider);
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    authStoreContract(provider, async () => {
      await db.clear();
      return { store: db.store, close: async () => {} };
    });

    it("creates its tables once and leaves them alone on the next start", async () => {
      await db.clear();
      await db.store.createUser({ email: "kept@example.com", passwordHash: "x", createdAt: new Date() });
      await ensureSystemTables(db.client, provider);
      expect(await db.store.findUserByEmail("kept@example.com")).not.toBeNull();
    });

    it("adds the columns of later releases to the tables an older Atrium created, keeping their rows", async () => {
      await db.clear();
      const sql = createSqlRunner(db.client as SqlExecutor, provider);
      await sql.execute("DROP TABLE atrium_audit_entry");
      // The table as the first release created it: no cause_id.
      await sql.execute(
        "CREATE TABLE atrium_audit_entry (id VARCHAR(32) NOT NULL PRIMARY KEY, occurred_at BIGINT NOT NULL, actor_id VARCHAR(36) NULL, actor_email VARCHAR(320) NOT NULL, action VARCHAR(20) NOT NULL, model VARCHAR(191) NULL, record_id VARCHAR(500) NULL, changes TEXT NOT NULL, revert_of VARCHAR(32) NULL)",
      );
      await sql.execute(
        "INSERT INTO atrium_audit_entry (id, occurred_at, actor_email, action, model, record_id, changes) VALUES (?, ?, ?, ?, ?, ?, ?)",
        "000000001000000000000000000",
        1,
        "old@example.com",
        "delete",
        "organization",
        "1",
        "{}",
      );
      await ensureSystemTables(db.client, provider);
      await ensureSystemTables(db.client, provider);
      expect(await db.store.getAudit("000000001000000000000000000")).toMatchObject({
        actorEmail: "old@example.com",
        causeId: null,
      });
      const caused = await db.store.appendAudit({ ...audit("2"), causeId: "000000001000000000000000000" });
      expect(await db.store.listAudit({ causeId: "000000001000000000000000000" })).toEqual([caused]);
    });

    it("rolls an audit entry back with the data change of the same transaction", async () => {
      await db.clear();
      await expect(
        db.client.$transaction(async (tx: unknown) => {
          const created = await (tx as typeof db.client).organization.create({
            data: { name: "Acme", slug: "acme" },
          });
          await db.store.withTransaction(tx).appendAudit(audit(created.id));
          throw new Error("injected failure after the change and its entry");
        }),
      ).rejects.toThrow("injected failure");
      expect(await db.client.organization.count({ where: { slug: "acme" } })).toBe(0);
      expect(await db.store.listAudit({ model: "organization" })).toEqual([]);

      const kept = await db.client.$transaction(async (tx: unknown) => {
        const created = await (tx as typeof db.client).organization.create({
          data: { name: "Acme", slug: "acme" },
        });
        await db.store.withTransaction(tx).appendAudit(audit(created.id));
        return created;
      });
      expect((await db.store.listAudit({ model: "organization", recordId: kept.id })).length).toBe(1);
      await db.client.organization.delete({ where: { id: kept.id } });
    });

    it("appends many entries in one go, each whole and findable, and rolls them back with their transaction", async () => {
      await db.clear();
      // More than one INSERT's worth (200 rows each), as a batch of generated records writes.
      const entries = Array.from({ length: 450 }, (_, at) => audit(`bulk-${at}`));
      await expect(
        db.client.$transaction(async (tx: unknown) => {
          await db.store.withTransaction(tx).appendAuditMany?.(entries);
          throw new Error("injected failure after the entries");
        }),
      ).rejects.toThrow("injected failure");
      expect(await db.store.listAudit({ model: "organization" })).toEqual([]);

      await db.client.$transaction(async (tx: unknown) => {
        await db.store.withTransaction(tx).appendAuditMany?.(entries);
      });
      const listed = await db.store.listAudit({ model: "organization", limit: 1000 });
      expect(listed).toHaveLength(450);
      expect(new Set(listed.map((entry) => entry.id)).size).toBe(450);
      const last = await db.store.listAudit({ model: "organization", recordId: "bulk-449" });
      expect(last).toEqual([
        expect.objectContaining({
          actorEmail: "ann@example.com",
          changes: { name: { old: null, new: "Acme" } },
        }),
      ]);
    });

    it("rolls back the data change when writing its audit entry fails", async () => {
      await db.clear();
      await expect(
        db.client.$transaction(async (tx: unknown) => {
          await (tx as typeof db.client).organization.create({ data: { name: "Beta", slug: "beta" } });
          const bound = db.store.withTransaction(tx);
          const entry = await bound.appendAudit(audit("x"));
          // The entry fails to be written (here: its id is taken), as a full disk or lost connection would fail it.
          await createSqlRunner(tx as SqlExecutor, provider).execute(
            "INSERT INTO atrium_audit_entry (id, occurred_at, actor_email, action, changes) VALUES (?, ?, ?, ?, ?)",
            entry.id,
            0,
            "x",
            "create",
            "{}",
          );
        }),
      ).rejects.toThrow();
      expect(await db.client.organization.count({ where: { slug: "beta" } })).toBe(0);
      expect(await db.store.listAudit()).toEqual([]);
    });
  });
}
