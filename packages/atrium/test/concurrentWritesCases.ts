/**
 * Saves, deletes and reverts of one record sent at once through the HTTP API, over saas.prisma: of those made
 * from the same `$version` (or the same history entry) exactly one goes through and the others answer 409;
 * those sent without a version all go through. Shared by the SQLite, PostgreSQL and MySQL suites; the data
 * source's race test covers other processes and more rounds (createPrismaDataSource.race.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

const clients = 20;

export function describeConcurrentWrites(provider: TestProvider): void {
  describe(`concurrent writes of one record (saas.prisma, ${provider})`, () => {
    let api: TestApi;
    let orgs = 0;
    const createOrg = async (name: string): Promise<Row> => {
      orgs += 1;
      const res = await api.post("/api/records/organization", { name, slug: `race-${orgs}` });
      expectStatus(res, 201);
      return res.body.data;
    };
    const statuses = (answers: { status: number }[]) => answers.map((res) => res.status).sort();

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("saas"), { provider });
    }, 180_000);
    afterAll(async () => {
      await api?.close();
    });

    it("accepts every save sent without $version, and one of those sent from the same", async () => {
      const org = await createOrg("Busy");
      const url = `/api/records/organization/${org.$id}`;
      const free = await Promise.all(
        Array.from({ length: clients }, (_, i) => api.patch(url, { name: `free ${i}` })),
      );
      expect(statuses(free)).toEqual(Array(clients).fill(200));
      const { $version } = (await api.get(url)).body.data;
      const versioned = await Promise.all(
        Array.from({ length: clients }, (_, i) => api.patch(url, { name: `versioned ${i}`, $version })),
      );
      expect(statuses(versioned)).toEqual([200, ...Array(clients - 1).fill(409)]);
      const winner = versioned.find((res) => res.status === 200)?.body.data.name;
      expect((await api.get(url)).body.data.name).toBe(winner);
    });

    it("lets one of the reverts and edits of the same change sent at once through", async () => {
      const org = await createOrg("Original");
      const url = `/api/records/organization/${org.$id}`;
      const changed = (await api.patch(url, { name: "Changed" })).body.data;
      const [update] = (await api.get(`${url}/history`)).body.data;
      const answers = await Promise.all(
        Array.from({ length: clients }, (_, i) =>
          i % 2 === 0
            ? api.post(`/api/history/${update.id}/revert`, {})
            : api.patch(url, { name: `Edit ${i}`, $version: changed.$version }),
        ),
      );
      expect(statuses(answers)).toEqual([200, ...Array(clients - 1).fill(409)]);
      // One entry after the change, from the value the change left to the value stored now.
      const history: Row[] = (await api.get(`${url}/history`)).body.data;
      expect(history.map((entry) => entry.action).slice(1)).toEqual(["update", "create"]);
      const name = (await api.get(url)).body.data.name;
      expect(history[0].changes.name).toEqual({ old: "Changed", new: name });
    });

    it("deletes once when deletes and edits from the same version are sent at once", async () => {
      const org = await createOrg("Doomed");
      const url = `/api/records/organization/${org.$id}`;
      const answers = await Promise.all(
        Array.from({ length: clients }, (_, i) =>
          i % 2 === 0
            ? api.delete(`${url}?version=${org.$version}`)
            : api.patch(url, { name: `Edit ${i}`, $version: org.$version }),
        ),
      );
      const accepted = answers.filter((res) => res.status === 200 || res.status === 204);
      expect(accepted).toHaveLength(1);
      const deleted = accepted[0]?.status === 204;
      // After a delete the others find nothing; after an edit, a changed record.
      expect(new Set(answers.filter((res) => !accepted.includes(res)).map((res) => res.status))).toEqual(
        new Set([deleted ? 404 : 409]),
      );
      expect((await api.get(url)).status).toBe(deleted ? 404 : 200);
    });
  });
}
