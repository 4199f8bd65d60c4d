/**
 * Writes with a WriteContext: the audit entry is written in the change's own transaction (a failing sink rolls
 * the change back, and so does an answer that cannot be built: beforeCommit), and a stale expectedVersion is
 * refused inside the transaction. SQLite always; PostgreSQL when
 * the local server answers.
 */
import {
  type AtriumError,
  type AuditRecord,
  type AuditSink,
  recordVersion,
  type StoredRow,
  type WriteData,
} from "@atrium/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuthStore } from "../systemStore/auth.js";
import { createSystemStore, type SystemStoreClient } from "../systemStore/createSystemStore.js";
import { ensureSystemTables } from "../systemStore/ensureSystemTables.js";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { createPrismaDataSource } from "./createPrismaDataSource.js";
import { caught } from "./testing/caught.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const reachable = await databaseIsReachable("postgresql");
const providers = reachable ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);

function write(scalars: Record<string, unknown>): WriteData {
  return { scalars, connect: {}, setMany: {} };
}

describe.each(providers)("audited and versioned writes on %s", (provider) => {
  let db: TestDatabase;
  let store: AuthStore;
  const actor = { id: "u1", email: "ann@example.com" };
  /** Appends to the system store inside the data source's transaction, like the server's sink. */
  const sink: AuditSink = {
    async record(tx, entry) {
      const appended = await store.withTransaction(tx).appendAudit({
        at: new Date(),
        actorId: entry.actor?.id ?? null,
        actorEmail: entry.actor?.email ?? "system",
        action: entry.action,
        model: entry.model,
        recordId: entry.recordId,
        changes: entry.changes as never,
        revertOf: entry.revertOf ?? null,
        causeId: entry.causeId ?? null,
      });
      return appended.id;
    },
  };
  /** Writes its entry, then fails: what a crash between the entry and the commit looks like. */
  const failingSink: AuditSink = {
    async record(tx, entry) {
      await sink.record(tx, entry);
      throw new Error("injected failure after the audit entry");
    },
  };
  const org = () => db.model("Organization");
  const newOrg = async (slug: string): Promise<StoredRow> =>
    db.dataSource.create(org(), write({ name: `Org ${slug}`, slug }));

  beforeAll(async () => {
    db = await openTestDatabase("saas", { provider });
    const client = db.client as SystemStoreClient;
    await ensureSystemTables(client, provider);
    store = createSystemStore(client, provider);
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await db.client.$executeRawUnsafe("DELETE FROM atrium_audit_entry");
  });

  it("records create, update and delete with the actor and wire-encoded old and new values", async () => {
    const created = await db.dataSource.create(org(), write({ name: "Acme", slug: "acme-a" }), {
      actor,
      audit: sink,
    });
    const id = { id: created.id };
    await db.dataSource.update(org(), id, write({ name: "Acme Corp" }), { actor, audit: sink });
    await db.dataSource.delete(org(), id, { audit: sink });
    const entries = (await store.listAudit({ model: "organization" })).reverse();
    expect(entries.map((entry) => entry.action)).toEqual(["create", "update", "delete"]);
    expect(entries.map((entry) => entry.recordId)).toEqual([created.id, created.id, created.id]);
    expect(entries[0]?.actorEmail).toBe("ann@example.com");
    expect(entries[0]?.changes.slug).toEqual({ old: null, new: "acme-a" });
    expect(entries[0]?.changes.createdAt?.new).toBe((created.createdAt as Date).toISOString());
    expect(entries[1]?.changes).toEqual({ name: { old: "Acme", new: "Acme Corp" } });
    expect(entries[2]?.actorEmail).toBe("system");
    expect(entries[2]?.changes).toMatchObject({
      name: { old: "Acme Corp", new: null },
      plan: { old: "FREE" },
    });
  });

  it("keeps neither the change nor its entry when recording fails after the change", async () => {
    const created = await newOrg("fail-a");
    const id = { id: created.id };
    const failures = [
      () => db.dataSource.create(org(), write({ name: "Never", slug: "never" }), { audit: failingSink }),
      () => db.dataSource.update(org(), id, write({ name: "Changed" }), { audit: failingSink }),
      () => db.dataSource.delete(org(), id, { audit: failingSink }),
      () => db.dataSource.deleteMany(org(), [id], { audit: failingSink }),
    ];
    for (const failure of failures) await expect(failure()).rejects.toThrow("injected failure");
    expect(await db.client.organization.findUnique({ where: { slug: "never" } })).toBeNull();
    expect((await db.dataSource.get(org(), id))?.name).toBe("Org fail-a");
    expect(await store.listAudit({})).toEqual([]);
  });

  it("keeps neither the change nor its entry when the answer cannot be built from the written row", async () => {
    const created = await newOrg("answer-a");
    const id = { id: created.id };
    const seen: StoredRow[] = [];
    const unanswerable = {
      audit: sink,
      beforeCommit: (row: StoredRow) => {
        seen.push(row);
        throw new Error("injected failure while answering");
      },
    };
    const create = db.dataSource.create(org(), write({ name: "Never", slug: "never-b" }), unanswerable);
    await expect(create).rejects.toThrow("injected failure while answering");
    await expect(db.dataSource.update(org(), id, write({ name: "Changed" }), unanswerable)).rejects.toThrow(
      "injected failure while answering",
    );
    // The hook saw each row as written, inside the transaction that was then rolled back.
    expect(seen.map((row) => row.name)).toEqual(["Never", "Changed"]);
    expect(await db.client.organization.findUnique({ where: { slug: "never-b" } })).toBeNull();
    expect((await db.dataSource.get(org(), id))?.name).toBe("Org answer-a");
    expect(await store.listAudit({})).toEqual([]);
  });

  it("refuses a stale version with the current row, and accepts the current one", async () => {
    const created = await newOrg("ver-a");
    const id = { id: created.id };
    const loaded = recordVersion(org(), created);
    const first = await db.dataSource.update(org(), id, write({ name: "First" }), {
      expectedVersion: loaded,
    });
    const conflict = await caught(
      db.dataSource.update(org(), id, write({ plan: "PRO" }), { expectedVersion: loaded, audit: sink }),
    );
    expect(conflict.code).toBe("conflict");
    expect(conflict.message).toMatch(/someone else changed/i);
    expect((conflict.details as { current: Record<string, unknown> }).current).toMatchObject({
      name: "First",
      plan: "FREE",
      $version: recordVersion(org(), first),
    });
    expect(await store.listAudit({})).toEqual([]);
    const deleteConflict = await caught(db.dataSource.delete(org(), id, { expectedVersion: loaded }));
    expect(deleteConflict.code).toBe("conflict");
    const second = await db.dataSource.update(org(), id, write({ plan: "PRO" }), {
      expectedVersion: recordVersion(org(), first),
    });
    expect(second).toMatchObject({ name: "First", plan: "PRO" });
  });

  it("bulk-deletes with one entry per record, and deletes nothing when one version is stale", async () => {
    const [a, b] = [await newOrg("bulk-a"), await newOrg("bulk-b")];
    const ids = [{ id: a.id }, { id: b.id }];
    const stale = { [String(a.id)]: recordVersion(org(), a), [String(b.id)]: "stale-version-xx" };
    const conflict = await caught(
      db.dataSource.deleteMany(org(), ids, { expectedVersions: stale, audit: sink }),
    );
    expect(conflict.code).toBe("conflict");
    expect((conflict.details as { current: { $id: string }[] }).current.map((row) => row.$id)).toEqual([
      b.id,
    ]);
    expect(await db.dataSource.get(org(), { id: a.id })).not.toBeNull();

    const fresh = { [String(a.id)]: recordVersion(org(), a), [String(b.id)]: recordVersion(org(), b) };
    expect(await db.dataSource.deleteMany(org(), ids, { expectedVersions: fresh, audit: sink })).toBe(2);
    const entries = await store.listAudit({ action: "bulk_delete" });
    expect(entries.map((entry) => entry.recordId).sort()).toEqual([a.id, b.id].sort());
    expect(entries.every((entry) => String(entry.changes.slug?.old).startsWith("bulk-"))).toBe(true);
  });

  /** An organisation with everything that hangs off it, plus a task elsewhere whose parent is one of its tasks. */
  const seedOrgTree = async (slug: string) => {
    const organization = await newOrg(slug);
    const orgId = String(organization.id);
    const user = await db.client.user.create({ data: { email: `${slug}@example.com` } });
    await db.client.membership.create({ data: { orgId, userId: user.id, role: "ADMIN" } });
    await db.client.apiKey.create({ data: { orgId, label: "CI", prefix: `${slug}-key` } });
    await db.client.orgSetting.create({ data: { orgId, key: "theme", value: "dark" } });
    const label = await db.client.label.create({ data: { name: `${slug}-label` } });
    const project = await db.client.project.create({ data: { orgId, title: `${slug} project` } });
    const task = await db.client.task.create({
      data: { projectId: project.id, title: "Parent", labels: { connect: [{ id: label.id }] } },
    });
    await db.client.task.create({ data: { projectId: project.id, title: "Child", parentId: task.id } });
    // Another organisation's task hangs under this one's: the delete clears its parent (SetNull).
    const other = await newOrg(`${slug}-other`);
    const otherProject = await db.client.project.create({ data: { orgId: other.id, title: "Other" } });
    const outsider = await db.client.task.create({
      data: { projectId: otherProject.id, title: "Outsider", parentId: task.id },
    });
    return { organization, user, label, project, task, outsider };
  };

  it("records every record a delete takes with it and every reference it clears, caused by the delete", async () => {
    const tree = await seedOrgTree("tree-a");
    await db.dataSource.delete(org(), { id: tree.organization.id }, { actor, audit: sink });
    const [root] = await store.listAudit({ model: "organization", action: "delete" });
    expect(root?.causeId).toBeNull();
    const caused = await store.listAudit({ causeId: root?.id ?? "", limit: 100 });
    const summary = caused.map((entry) => `${entry.action} ${entry.model}`).sort();
    expect(summary).toEqual([
      "delete api-key",
      "delete membership",
      "delete org-setting",
      "delete project",
      "delete task",
      "delete task",
      "update task",
    ]);
    expect(caused.every((entry) => entry.actorEmail === actor.email)).toBe(true);
    const parent = caused.find(
      (entry) => entry.recordId === String(tree.task.id) && entry.action === "delete",
    );
    // A full snapshot, many-to-many set included, so that a revert can re-create it.
    expect(parent?.changes).toMatchObject({
      title: { old: "Parent", new: null },
      projectId: { old: tree.project.id, new: null },
      labels: { old: [String(tree.label.id)], new: [] },
    });
    const cleared = caused.find((entry) => entry.action === "update");
    expect(cleared?.recordId).toBe(String(tree.outsider.id));
    expect(cleared?.changes).toEqual({ parentId: { old: tree.task.id, new: null } });
    expect(await db.client.task.findUnique({ where: { id: tree.outsider.id } })).toMatchObject({
      parentId: null,
    });
  });

  it("attributes what a bulk delete takes with it to the record it followed from", async () => {
    const [a, b] = [await seedOrgTree("tree-b"), await seedOrgTree("tree-c")];
    const ids = [{ id: a.organization.id }, { id: b.organization.id }];
    expect(await db.dataSource.deleteMany(org(), ids, { audit: sink })).toBe(2);
    for (const tree of [a, b]) {
      const [root] = await store.listAudit({
        model: "organization",
        recordId: String(tree.organization.id),
      });
      expect(root?.action).toBe("bulk_delete");
      const projects = await store.listAudit({ causeId: root?.id ?? "", model: "project" });
      expect(projects.map((entry) => entry.recordId)).toEqual([tree.project.id]);
      const outsider = await store.listAudit({ causeId: root?.id ?? "", action: "update" });
      expect(outsider.map((entry) => entry.recordId)).toEqual([String(tree.outsider.id)]);
    }
  });

  it("refuses a delete that would take more records with it than the history keeps for one change", async () => {
    const tree = await seedOrgTree("tree-d");
    const capped = createPrismaDataSource({ client: db.client, schema: db.schema, maxCascadeRows: 3 });
    const refused = await caught(capped.delete(org(), { id: tree.organization.id }, { audit: sink }));
    expect(refused.code).toBe("delete_restricted");
    expect(refused.message).toContain("more than 3 other records");
    expect(await db.client.project.count({ where: { id: tree.project.id } })).toBe(1);
    expect(await store.listAudit({})).toEqual([]);
    // Without a history nothing is recorded, so nothing is counted either.
    await capped.delete(org(), { id: tree.organization.id });
    expect(await db.client.project.count({ where: { id: tree.project.id } })).toBe(0);
  });

  it("refuses a delete that takes records of a model the user may not delete, audited or not", async () => {
    const tree = await seedOrgTree("tree-e");
    const id = { id: tree.organization.id };
    const mayDelete = (key: string) => key !== "task";
    for (const context of [{ mayDelete, audit: sink }, { mayDelete }]) {
      const refused = await caught(db.dataSource.delete(org(), id, context));
      expect(refused.code).toBe("forbidden");
      expect(refused.message).toContain("2 tasks");
      const many = await caught(db.dataSource.deleteMany(org(), [id], context));
      expect(many.code).toBe("forbidden");
    }
    expect(await db.client.task.count({ where: { projectId: tree.project.id } })).toBe(2);
    // Cleared references (SetNull) are not deletions: the outsider task does not need the permission.
    await db.dataSource.delete(org(), id, { mayDelete: (key) => key !== "label", audit: sink });
    expect(await db.client.project.count({ where: { id: tree.project.id } })).toBe(0);
  });

  it("keeps every write of a transaction, audit entries included, or none of them", async () => {
    const failed = await caught(
      db.dataSource.transaction(async (source) => {
        await source.create(org(), write({ name: "In tx", slug: "tx-a" }), { audit: sink });
        await source.create(org(), write({ name: "Clash", slug: "tx-a" }), { audit: sink });
      }),
    );
    expect(failed.code).toBe("unique_violation");
    expect(await db.client.organization.count({ where: { slug: "tx-a" } })).toBe(0);
    expect(await store.listAudit({})).toEqual([]);

    const kept = await db.dataSource.transaction(async (source) => {
      const created = await source.create(org(), write({ name: "In tx", slug: "tx-b" }), { audit: sink });
      // Reads inside see the transaction's own writes.
      expect(await source.get(org(), { id: created.id })).toMatchObject({ slug: "tx-b" });
      return source.update(org(), { id: created.id }, write({ name: "Renamed in tx" }), { audit: sink });
    });
    expect(kept).toMatchObject({ name: "Renamed in tx" });
    expect((await store.listAudit({ model: "organization" })).map((entry) => entry.action)).toEqual([
      "update",
      "create",
    ]);
  });

  it("answers a write that lost a race to a concurrent one as a conflict, keeping the winner", async () => {
    const created = await newOrg("race-a");
    const id = { id: created.id };
    const loaded = recordVersion(org(), created);
    const results = await Promise.allSettled(
      ["Left", "Right"].map((name) =>
        db.dataSource.update(org(), id, write({ name }), { expectedVersion: loaded, audit: sink }),
      ),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((result) => (result.reason as AtriumError).code)).toEqual(["conflict"]);
    const winner = (won[0] as PromiseFulfilledResult<StoredRow>).value.name;
    expect((await db.dataSource.get(org(), id))?.name).toBe(winner);
    const entries: { changes: AuditRecord["changes"] }[] = await store.listAudit({ action: "update" });
    expect(entries.map((entry) => entry.changes.name?.new)).toEqual([winner]);
  });
});
