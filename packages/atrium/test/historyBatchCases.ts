/**
 * A generated batch in the history, through the HTTP API over saas.prisma: one change (its first record's entry,
 * the others caused by it), and one revert that deletes all of it or, when one record changed since, nothing.
 * Shared by the SQLite, PostgreSQL and MariaDB suites.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

export function describeBatchHistory(provider: TestProvider): void {
  describe(`a generated batch in the history (saas.prisma, ${provider})`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("saas"), { provider });
    }, 180_000);
    afterAll(async () => {
      await api?.close();
    });

    /** Generates `count` organisations; resolves the batch's entry and the ids of every record it wrote. */
    const generateBatch = async (count: number, seed: number) => {
      expectStatus(await api.post("/api/records/organization/generate", { count, seed }), 201);
      const top = await api.get("/api/history?model=organization&top=true&limit=1");
      expectStatus(top, 200);
      const [batch] = top.body.data as Row[];
      const caused = await api.get(`/api/history?cause=${batch.id}&limit=50`);
      expectStatus(caused, 200);
      const ids = [batch, ...caused.body.data].map((entry: Row) => entry.recordId as string);
      return { batch, caused: caused.body.data as Row[], ids };
    };
    const exists = async (id: string) => {
      const res = await api.get(`/api/records/organization/${id}`);
      if (res.status === 404) return false;
      expectStatus(res, 200);
      return true;
    };

    it("lists the batch once, its other records caused by its first, each with its own create", async () => {
      const { batch, caused, ids } = await generateBatch(4, 11);
      expect(batch).toMatchObject({ action: "create", causeId: null, caused: 3 });
      expect(caused.every((entry) => entry.action === "create" && entry.causeId === batch.id)).toBe(true);
      expect(new Set(ids).size).toBe(4);
      const own = await api.get(`/api/records/organization/${ids[3]}/history`);
      expect(own.body.data).toEqual([expect.objectContaining({ action: "create", causeId: batch.id })]);
    });

    it("reverts the whole batch in one change, and nothing of it once one of its records changed", async () => {
      const { batch, ids } = await generateBatch(3, 12);
      const changed = ids[1] as string;
      const renamed = await api.patch(`/api/records/organization/${changed}`, { name: "Renamed since" });
      expectStatus(renamed, 200);
      const refused = expectApiError(await api.post(`/api/history/${batch.id}/revert`, {}), 409, "conflict");
      expect(refused.message).toMatch(/organization created with it .* changed since/i);
      for (const id of ids) expect(await exists(id)).toBe(true);

      const other = await generateBatch(3, 13);
      const reverted = await api.post(`/api/history/${other.batch.id}/revert`, {});
      expectStatus(reverted, 200);
      expect(reverted.body.data.entry).toMatchObject({
        action: "revert",
        revertOf: other.batch.id,
        caused: 2,
      });
      for (const id of other.ids) expect(await exists(id)).toBe(false);
      const parts = await api.get(`/api/history?cause=${reverted.body.data.entry.id}&limit=50`);
      expect(parts.body.data.map((entry: Row) => entry.action)).toEqual(["revert", "revert"]);
      expect(parts.body.data.map((entry: Row) => entry.revertOf).sort()).toEqual(
        other.caused.map((entry) => entry.id).sort(),
      );
      expectApiError(await api.post(`/api/history/${other.batch.id}/revert`, {}), 409, "conflict");
    });

    it("reverts nothing of a batch once another record depends on one of its records", async () => {
      const { batch, ids } = await generateBatch(3, 14);
      const project = await api.post("/api/records/project", { title: "Depends on it", org: ids[2] });
      expectStatus(project, 201);
      const refused = expectApiError(await api.post(`/api/history/${batch.id}/revert`, {}), 409, "conflict");
      expect(refused.message).toMatch(/other records depend on this organization now \(1 project/i);
      for (const id of ids) expect(await exists(id)).toBe(true);
    });
  });
}
