/**
 * Reverts through the HTTP API, over saas.prisma: an update, a many-to-many set, a create, a delete with what it
 * took with it; each itself audited, and refused whole once a record changed since. Shared by the SQLite
 * (history.test.ts), PostgreSQL and MariaDB suites.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { organizationHelpers } from "./historyOrganizations.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

export function describeRevert(provider: TestProvider): void {
  describe(`revert (saas.prisma, ${provider})`, () => {
    let api: TestApi;
    const { createOrg, historyOf, uniqueName } = organizationHelpers(() => api, `${provider}-revert`);

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("saas"), { provider });
    }, 180_000);
    afterAll(async () => {
      await api?.close();
    });

    it("reverts an update, itself audited, and refuses once the record changed since", async () => {
      const org = await createOrg("Before");
      await api.patch(`/api/records/organization/${org.$id}`, { name: "After" });
      const [update] = await historyOf(org);
      const reverted = await api.post(`/api/history/${update.id}/revert`, {});
      expectStatus(reverted, 200);
      expect(reverted.body.data.record).toMatchObject({ name: "Before" });
      expect(reverted.body.data.entry).toMatchObject({
        action: "revert",
        revertOf: update.id,
        changes: { name: { old: "After", new: "Before" } },
      });
      const again = expectApiError(await api.post(`/api/history/${update.id}/revert`, {}), 409, "conflict");
      expect(again.message).toMatch(/changed since this entry \(Name\)/);
      expect((await api.get(`/api/records/organization/${org.$id}`)).body.data.name).toBe("Before");
    });

    it("records a many-to-many set change as $id arrays and reverts it, until the set changes again", async () => {
      const org = await createOrg("Labelled");
      const create = async (key: string, body: object): Promise<Row> => {
        const res = await api.post(`/api/records/${key}`, body);
        expectStatus(res, 201);
        return res.body.data;
      };
      const project = await create("project", { title: "Labels", org: org.$id });
      const bug = await create("label", { name: `${uniqueName("bug")}` });
      const docs = await create("label", { name: `${uniqueName("docs")}` });
      const task = await create("task", { title: "Labelled", project: project.$id, labels: [bug.$id] });
      const path = `/api/records/task/${task.$id}`;
      const taskHistory = async (): Promise<Row[]> => (await api.get(`${path}/history`)).body.data;
      const labelsOf = async (): Promise<string[]> => {
        const found: string[] = [];
        for (const label of [bug, docs]) {
          const res = await api.get(
            `/api/records/task?filter.id.eq=${task.$id}&filter.labels.eq=${label.$id}`,
          );
          if (res.body.data.length > 0) found.push(label.$id);
        }
        return found.sort();
      };
      expect((await taskHistory())[0].changes.labels).toEqual({ old: [], new: [bug.$id] });

      expectStatus(await api.patch(path, { labels: [bug.$id, docs.$id] }), 200);
      const [update] = await taskHistory();
      expect(update.changes).toEqual({ labels: { old: [bug.$id], new: [bug.$id, docs.$id].sort() } });
      const reverted = await api.post(`/api/history/${update.id}/revert`, {});
      expectStatus(reverted, 200);
      expect(reverted.body.data.entry.changes.labels).toEqual({
        old: [bug.$id, docs.$id].sort(),
        new: [bug.$id],
      });
      expect(await labelsOf()).toEqual([bug.$id]);

      expectStatus(await api.patch(path, { labels: [docs.$id] }), 200);
      const [swap] = await taskHistory();
      expectStatus(await api.patch(path, { labels: [] }), 200);
      const refusedRevert = expectApiError(
        await api.post(`/api/history/${swap.id}/revert`, {}),
        409,
        "conflict",
      );
      expect(refusedRevert.message).toMatch(/changed since this entry \(Labels\)/);
      expect(await labelsOf()).toEqual([]);

      expectStatus(await api.patch(path, { labels: [bug.$id, docs.$id] }), 200);
      expectStatus(await api.delete(path), 204);
      const [deleted] = await taskHistory();
      expect(deleted.changes.labels).toEqual({ old: [bug.$id, docs.$id].sort(), new: [] });
      expectStatus(await api.post(`/api/history/${deleted.id}/revert`, {}), 200);
      expect(await labelsOf()).toEqual([bug.$id, docs.$id].sort());
    });

    it("reverts a create by deleting, and a delete by re-creating the record with its id and values", async () => {
      const org = await createOrg("Come and go");
      const [created] = await historyOf(org);
      expectStatus(await api.post(`/api/history/${created.id}/revert`, {}), 200);
      expectApiError(await api.get(`/api/records/organization/${org.$id}`), 404, "not_found");
      const [revertOfCreate] = await historyOf(org);
      expect(revertOfCreate).toMatchObject({ action: "revert", revertOf: created.id });

      const victim = await createOrg("Deleted by mistake");
      expectStatus(await api.delete(`/api/records/organization/${victim.$id}`), 204);
      const [deleted] = await historyOf(victim);
      expect(deleted.action).toBe("delete");
      const restored = await api.post(`/api/history/${deleted.id}/revert`, {});
      expectStatus(restored, 200);
      const read = await api.get(`/api/records/organization/${victim.$id}`);
      expect(read.body.data).toEqual(victim);
      expectApiError(await api.post(`/api/history/${deleted.id}/revert`, {}), 409, "conflict");
      expectApiError(await api.post("/api/history/nope/revert", {}), 404, "not_found");
    });

    /** An organisation with what hangs off it, and another organisation's task whose parent is one of its tasks. */
    const createOrgTree = async (name: string) => {
      const org = await createOrg(name);
      const user = await create("user", { email: `${org.slug}@example.com` });
      const label = await create("label", { name: `${org.slug}-label` });
      await create("membership", { org: org.$id, user: user.$id, role: "ADMIN" });
      await create("org-setting", { org: org.$id, key: "theme", value: "dark" });
      const project = await create("project", { org: org.$id, title: `${name} project` });
      const parent = await create("task", { project: project.$id, title: "Parent", labels: [label.$id] });
      const child = await create("task", { project: project.$id, title: "Child", parent: parent.$id });
      const elsewhere = await create("project", {
        org: (await createOrg(`${name} other`)).$id,
        title: "Other",
      });
      const outsider = await create("task", {
        project: elsewhere.$id,
        title: "Outsider",
        parent: parent.$id,
      });
      return { org, user, label, project, parent, child, outsider };
    };
    const create = async (key: string, body: object): Promise<Row> => {
      const res = await api.post(`/api/records/${key}`, body);
      expectStatus(res, 201);
      return res.body.data;
    };
    const read = async (key: string, row: Row) => (await api.get(`/api/records/${key}/${row.$id}`)).body.data;

    it("records what a delete takes with it and clears, and a revert brings all of it back in one go", async () => {
      const tree = await createOrgTree("Cascade");
      const before = {
        org: await read("organization", tree.org),
        project: await read("project", tree.project),
        parent: await read("task", tree.parent),
        child: await read("task", tree.child),
        outsider: await read("task", tree.outsider),
      };
      expectStatus(await api.delete(`/api/records/organization/${tree.org.$id}`), 204);
      const [deleted] = await historyOf(tree.org);
      // Membership, setting, project, two tasks deleted; the outsider's parent cleared.
      expect(deleted).toMatchObject({ action: "delete", causeId: null, caused: 6 });
      const caused = await api.get(`/api/history?cause=${deleted.id}&limit=50`);
      expectStatus(caused, 200);
      const summary = caused.body.data.map((entry: Row) => `${entry.action} ${entry.model}`).sort();
      expect(summary).toEqual([
        "delete membership",
        "delete org-setting",
        "delete project",
        "delete task",
        "delete task",
        "update task",
      ]);
      expect(caused.body.data.every((entry: Row) => entry.causeId === deleted.id)).toBe(true);
      // Each record's own history tells what happened to it.
      const outsiderHistory = await api.get(`/api/records/task/${tree.outsider.$id}/history`);
      expect(outsiderHistory.body.data[0]).toMatchObject({
        action: "update",
        causeId: deleted.id,
        changes: { parentId: { old: tree.parent.id, new: null } },
      });
      expectApiError(await api.get(`/api/records/project/${tree.project.$id}`), 404, "not_found");

      const reverted = await api.post(`/api/history/${deleted.id}/revert`, {});
      expectStatus(reverted, 200);
      expect(reverted.body.data.entry).toMatchObject({ action: "revert", revertOf: deleted.id, caused: 6 });
      expect(await read("organization", tree.org)).toEqual(before.org);
      expect(await read("project", tree.project)).toEqual(before.project);
      // The parent's labels come back with it, and the tasks in an order their keys allow.
      expect(await read("task", tree.parent)).toEqual(before.parent);
      expect(await read("task", tree.child)).toEqual(before.child);
      expect((await read("task", tree.outsider)).parentId).toBe(tree.parent.id);
      const labels = await api.client.task.findUnique({
        where: { id: tree.parent.id },
        select: { labels: { select: { id: true } } },
      });
      expect(labels.labels).toEqual([{ id: tree.label.id }]);
      const parts = await api.get(`/api/history?cause=${reverted.body.data.entry.id}&limit=50`);
      expect(parts.body.data).toHaveLength(6);
      expect(parts.body.data.every((entry: Row) => entry.action === "revert")).toBe(true);
    });

    it("reverts all of a delete or nothing: a reference changed since refuses it", async () => {
      const tree = await createOrgTree("All or nothing");
      expectStatus(await api.delete(`/api/records/organization/${tree.org.$id}`), 204);
      const [deleted] = await historyOf(tree.org);
      const other = await create("task", { project: tree.outsider.project.$id, title: "New parent" });
      const moved = await api.patch(`/api/records/task/${tree.outsider.$id}`, { parent: other.$id });
      expectStatus(moved, 200);
      const refused = expectApiError(
        await api.post(`/api/history/${deleted.id}/revert`, {}),
        409,
        "conflict",
      );
      expect(refused.message).toMatch(/task that referred to it .* changed since/i);
      // Nothing of the revert was kept: the organisation and its project are still gone.
      expectApiError(await api.get(`/api/records/organization/${tree.org.$id}`), 404, "not_found");
      expectApiError(await api.get(`/api/records/project/${tree.project.$id}`), 404, "not_found");
      expect((await read("task", tree.outsider)).parentId).toBe(other.id);

      // Once the reference holds what the delete left in it again, the revert goes through, once.
      expectStatus(await api.patch(`/api/records/task/${tree.outsider.$id}`, { parent: null }), 200);
      expectStatus(await api.post(`/api/history/${deleted.id}/revert`, {}), 200);
      expect((await read("project", tree.project)).title).toBe("All or nothing project");
      expect((await read("task", tree.outsider)).parentId).toBe(tree.parent.id);
      expectApiError(await api.post(`/api/history/${deleted.id}/revert`, {}), 409, "conflict");
    });

    it("tells why a record deleted with another cannot be restored alone", async () => {
      const tree = await createOrgTree("Alone");
      expectStatus(await api.delete(`/api/records/organization/${tree.org.$id}`), 204);
      const [deleted] = await historyOf(tree.org);
      const caused = await api.get(`/api/history?cause=${deleted.id}&model=project`);
      const [projectEntry] = caused.body.data;
      const refused = expectApiError(
        await api.post(`/api/history/${projectEntry.id}/revert`, {}),
        409,
        "conflict",
      );
      expect(refused.message).toContain("revert that deletion");
    });
  });
}
