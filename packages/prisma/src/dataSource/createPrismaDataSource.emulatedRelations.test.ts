/**
 * Relations under `relationMode = "prisma"` whose keys are partly or wholly required: a relation written
 * optional over a required key is required, and two relations sharing a tenant column must agree on it, and
 * clearing one keeps the column the other still uses. SQLite and PostgreSQL (the engine pushes no foreign keys
 * there); MySQL's push of relationMode "prisma" is being reworked elsewhere.
 */
import type { DatabaseProvider, WriteData } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reachableProviders } from "../testing/databaseIsReachable.js";
import { caught } from "./testing/caught.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const providers: DatabaseProvider[] = ["sqlite", "postgresql"];
const reachable = await reachableProviders(providers);

function write(scalars: Record<string, unknown>, connect: WriteData["connect"]): WriteData {
  return { scalars, connect, setMany: {} };
}

describe.each(providers)("emulated relations on %s", (provider) => {
  let db: TestDatabase;
  const warnings: string[] = [];

  beforeAll(async () => {
    if (!reachable[provider]) return;
    db = await openTestDatabase("emulatedRelations", {
      provider,
      dataSource: { warn: (message) => warnings.push(message) },
    });
    for (const tenantId of [1, 2]) {
      await db.client.project.create({ data: { tenantId, id: 10, name: `Project of ${tenantId}` } });
      await db.client.member.create({ data: { tenantId, id: 20, name: `Member of ${tenantId}` } });
    }
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!reachable[provider])(
    "refuses to clear a relation whose key is required, naming it",
    async () => {
      const post = db.model("Post");
      const writer = await db.client.writer.create({ data: { name: "Wu" } });
      const row = await db.dataSource.create(post, write({ title: "t" }, { author: { id: writer.id } }));
      const error = await caught(db.dataSource.update(post, { id: row.id }, write({}, { author: null })));
      expect(error.status).toBe(422);
      expect(error.fields).toEqual({ author: "This field is required" });
    },
  );

  it.skipIf(!reachable[provider])(
    "sets the shared tenant column from both relations when they agree",
    async () => {
      const row = await db.dataSource.create(
        db.model("Task"),
        write({ title: "a" }, { project: { tenantId: 2, id: 10 }, assignee: { tenantId: 2, id: 20 } }),
      );
      expect(row).toMatchObject({ tenantId: 2, projectId: 10, assigneeId: 20 });
    },
  );

  it.skipIf(!reachable[provider])(
    "answers 422 on both relations when they name different tenants, writing nothing",
    async () => {
      const before = await db.client.task.count();
      const error = await caught(
        db.dataSource.create(
          db.model("Task"),
          write({ title: "b" }, { project: { tenantId: 1, id: 10 }, assignee: { tenantId: 2, id: 20 } }),
        ),
      );
      expect(error.status).toBe(422);
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(["assignee", "project"]);
      expect(error.fields?.assignee).toMatch(/tenantId/);
      expect(await db.client.task.count()).toBe(before);
      const given = await caught(
        db.dataSource.create(
          db.model("Task"),
          write({ title: "c", tenantId: 1 }, { assignee: { tenantId: 2, id: 20 } }),
        ),
      );
      expect(Object.keys(given.fields ?? {}).sort()).toEqual(["assignee", "tenantId"]);
    },
  );

  it.skipIf(!reachable[provider])(
    "clears a relation by its own column, keeping the tenant the other relation uses",
    async () => {
      const task = db.model("Task");
      const row = await db.dataSource.create(
        task,
        write({ title: "d" }, { project: { tenantId: 1, id: 10 }, assignee: { tenantId: 1, id: 20 } }),
      );
      const cleared = await db.dataSource.update(task, { id: row.id }, write({}, { project: null }));
      expect(cleared).toMatchObject({ tenantId: 1, projectId: null, assigneeId: 20, project: null });
      expect(cleared.assignee).toMatchObject({ tenantId: 1, id: 20 });
      expect(warnings).toEqual([]);
    },
  );
});
