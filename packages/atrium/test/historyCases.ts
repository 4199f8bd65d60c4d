/**
 * Versions, conflicts and the audit history through the HTTP API, over saas.prisma (reverts: historyRevertCases.ts).
 * Shared by the SQLite (history.test.ts), PostgreSQL and MariaDB suites.
 */
import type { HistoryStore } from "@atrium/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { organizationHelpers } from "./historyOrganizations.js";
import { openTestApi, type TestApi, type TestProvider, testAdmin } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

export function describeHistory(provider: TestProvider): void {
  describe(`versions and history (saas.prisma, ${provider})`, () => {
    let api: TestApi;
    /** Set by a test to make the audit write fail after the entry is appended, inside the transaction. */
    let failAudit = false;
    const injectFailure = (store: HistoryStore): HistoryStore => ({
      getAudit: (id) => store.getAudit(id),
      listAudit: (filter) => store.listAudit(filter),
      countCausedAudit: (ids, models) => store.countCausedAudit(ids, models),
      withTransaction(tx) {
        const bound = store.withTransaction(tx);
        return {
          async appendAudit(entry) {
            const appended = await bound.appendAudit(entry);
            if (failAudit) throw new Error("injected failure after the audit entry");
            return appended;
          },
        };
      },
    });

    const { createOrg, historyOf } = organizationHelpers(() => api, provider);

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("saas"), { provider, history: injectFailure });
    }, 180_000);
    afterAll(async () => {
      await api?.close();
    });

    it("gives every row a $version that changes with its values", async () => {
      const org = await createOrg("Versioned");
      expect(org.$version).toMatch(/^[\w-]{16}$/);
      const read = await api.get(`/api/records/organization/${org.$id}`);
      expect(read.body.data.$version).toBe(org.$version);
      const list = await api.get(`/api/records/organization?filter.id.eq=${org.$id}`);
      expect(list.body.data[0].$version).toBe(org.$version);
      const changed = await api.patch(`/api/records/organization/${org.$id}`, { name: "Renamed" });
      expect(changed.body.data.$version).not.toBe(org.$version);
    });

    it("gives the second of two editors a 409 with the current values, and lets them overwrite deliberately", async () => {
      const org = await createOrg("Shared");
      const [first, second] = [org, org];
      const saved = await api.patch(`/api/records/organization/${first.$id}`, {
        name: "Renamed by the first",
        $version: first.$version,
      });
      expectStatus(saved, 200);

      const stale = await api.patch(`/api/records/organization/${second.$id}`, {
        plan: "PRO",
        $version: second.$version,
      });
      const error = expectApiError(stale, 409, "conflict");
      expect(error.message).toMatch(/someone else changed this organization/i);
      const current = (error.details as { current: Row }).current;
      expect(current).toMatchObject({ name: "Renamed by the first", plan: "FREE" });
      expect(current.$version).toBe(saved.body.data.$version);
      // Nothing of the first save is lost, nothing of the refused one is kept.
      const read = await api.get(`/api/records/organization/${org.$id}`);
      expect(read.body.data).toMatchObject({ name: "Renamed by the first", plan: "FREE" });

      const overwrite = await api.patch(`/api/records/organization/${second.$id}`, {
        plan: "PRO",
        $version: current.$version,
      });
      expectStatus(overwrite, 200);
      expect(overwrite.body.data).toMatchObject({ name: "Renamed by the first", plan: "PRO" });
      // Clients that do not track versions are accepted as before.
      expectStatus(await api.patch(`/api/records/organization/${org.$id}`, { plan: "FREE" }), 200);
      expectApiError(
        await api.patch(`/api/records/organization/${org.$id}`, { $version: 7 }),
        400,
        "bad_request",
        ["$version"],
      );
    });

    it("checks versions on delete and bulk delete, deleting nothing when one is stale", async () => {
      const org = await createOrg("To delete");
      const other = await createOrg("To delete too");
      const renamed = await api.patch(`/api/records/organization/${org.$id}`, { name: "Changed meanwhile" });
      expectApiError(
        await api.delete(`/api/records/organization/${org.$id}?version=${org.$version}`),
        409,
        "conflict",
      );

      const bulk = await api.post("/api/records/organization/delete-many", {
        ids: [org.$id, other.$id],
        versions: { [org.$id]: org.$version, [other.$id]: other.$version },
      });
      const error = expectApiError(bulk, 409, "conflict");
      expect((error.details as { current: Row[] }).current.map((row) => row.$id)).toEqual([org.$id]);
      expectStatus(await api.get(`/api/records/organization/${other.$id}`), 200);

      const ok = await api.post("/api/records/organization/delete-many", {
        ids: [org.$id, other.$id],
        versions: { [org.$id]: renamed.body.data.$version },
      });
      expect(ok.body).toEqual({ deleted: 2 });
      const entries = await api.get("/api/history?model=organization&action=bulk_delete");
      expect(entries.body.data.map((entry: Row) => entry.recordId).sort()).toEqual(
        [org.$id, other.$id].sort(),
      );
    });

    it("records every write with old and new values, newest first, filterable and paged", async () => {
      const org = await createOrg("Audited");
      await api.patch(`/api/records/organization/${org.$id}`, { name: "Audited v2" });
      await api.patch(`/api/records/organization/${org.$id}`, { plan: "PRO" });
      const history = await historyOf(org);
      expect(history.map((entry) => entry.action)).toEqual(["update", "update", "create"]);
      expect(history[0]).toMatchObject({
        // The signed-in user who made the change (openTestApi signs in as testAdmin).
        actor: { id: expect.any(String), email: testAdmin.email },
        model: "organization",
        recordId: org.$id,
        changes: { plan: { old: "FREE", new: "PRO" } },
        revertOf: null,
      });
      expect(history[1].changes).toEqual({ name: { old: "Audited", new: "Audited v2" } });
      expect(history[2].changes.slug).toEqual({ old: null, new: org.slug });
      expect(new Date(history[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);

      const firstPage = await api.get(`/api/history?model=organization&record=${org.$id}&limit=2`);
      expect(firstPage.body.data.map((entry: Row) => entry.id)).toEqual([history[0].id, history[1].id]);
      const nextPage = await api.get(
        `/api/history?model=organization&record=${org.$id}&limit=2&before=${firstPage.body.nextBefore}`,
      );
      expect(nextPage.body.data.map((entry: Row) => entry.id)).toEqual([history[2].id]);
      expect(nextPage.body.nextBefore).toBeNull();
      const one = await api.get(`/api/history/${history[2].id}`);
      expect(one.body.data).toEqual(history[2]);

      expectApiError(await api.get("/api/history?action=erase"), 400, "bad_request", ["action"]);
      expectApiError(await api.get("/api/history?limit=0"), 400, "bad_request", ["limit"]);
      expectApiError(await api.get("/api/history?model=organisation"), 400, "bad_request", ["model"]);
      expectApiError(await api.get(`/api/history?record=${org.$id}`), 400, "bad_request", ["record"]);
      expectApiError(await api.get("/api/history/nope"), 404, "not_found");
    });

    it("never lets entries be edited or deleted", async () => {
      const org = await createOrg("Immutable");
      const [entry] = await historyOf(org);
      for (const method of ["PUT", "PATCH", "DELETE"]) {
        for (const path of ["/api/history", `/api/history/${entry.id}`]) {
          const res = await api.send(path, {
            method,
            headers: { "Content-Type": "application/json" },
            body: method === "DELETE" ? undefined : "{}",
          });
          expectApiError(res, 405, "method_not_allowed");
        }
      }
      expect(await historyOf(org)).toHaveLength(1);
    });

    it("keeps neither the change nor its entry when the audit write fails inside the transaction", async () => {
      const org = await createOrg("Failure");
      failAudit = true;
      try {
        const res = await api.app.request(`/api/records/organization/${org.$id}`, {
          method: "PATCH",
          headers: { "Content-Type": "application/json", ...api.authHeaders },
          body: JSON.stringify({ name: "Never saved" }),
        });
        expect(res.status).toBe(500);
        const created = await api.app.request("/api/records/organization", {
          method: "POST",
          headers: { "Content-Type": "application/json", ...api.authHeaders },
          body: JSON.stringify({ name: "Never created", slug: `${provider}-never` }),
        });
        expect(created.status).toBe(500);
      } finally {
        failAudit = false;
        api.problems.length = 0;
      }
      expect((await api.get(`/api/records/organization/${org.$id}`)).body.data.name).toBe("Failure");
      expect((await historyOf(org)).map((entry) => entry.action)).toEqual(["create"]);
      const list = await api.get(`/api/records/organization?filter.slug.eq=${provider}-never`);
      expect(list.body.data).toEqual([]);
    });
  });
}
