/**
 * Actions over the whole stack on real databases (SQLite, and PostgreSQL where it runs): a handler's writes
 * commit with the action's entry, each pointing at it; a handler that throws after writing leaves nothing
 * written and nothing in the history.
 */
import { AtriumError } from "@atrium/core";
import { databaseIsReachable } from "@atrium/prisma/testing";
import type { ServerAction } from "@atrium/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./apiResponse.js";
import { leaksSchemaPath } from "./leaksFixture.js";
import { openTestApi, type TestApi } from "./openTestApi.js";

/** Renames every selected tag; with `failAfter`, throws once that many are renamed. */
const rename: ServerAction = {
  name: "rename",
  kind: "bulk",
  label: "Rename",
  permission: "change",
  params: [],
  async handler(context) {
    for (const [index, id] of context.ids.entries()) {
      await context.db.update("tag", id, { name: `renamed ${id}` });
      if (context.ids.length > 1 && index === 0 && String(context.records[1]?.name).startsWith("fail")) {
        throw new AtriumError("validation_failed", "The second tag refuses to be renamed");
      }
    }
    return { message: `Renamed ${context.ids.length} tags` };
  },
};

const providers = [
  { provider: "sqlite" as const, reachable: true },
  { provider: "postgresql" as const, reachable: await databaseIsReachable("postgresql") },
];

for (const { provider, reachable } of providers) {
  describe.skipIf(!reachable)(`actions on ${provider}`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await openTestApi(leaksSchemaPath, {
        provider,
        app: { actions: new Map([["tag", [rename]]]) },
      });
    }, 120_000);
    afterAll(() => api?.close());

    const auditCount = async () => (await api.history.listAudit({ limit: 1000 })).length;

    it("commits the handler's writes with the action's entry, each write caused by it", async () => {
      const a = await api.client.tag.create({ data: { name: "alpha" } });
      const b = await api.client.tag.create({ data: { name: "beta" } });
      const res = await api.post("/api/records/tag/actions/rename", { ids: [String(a.id), String(b.id)] });
      expect(res.status, res.text).toBe(200);
      expect(JSON.stringify(res.body)).toContain("Renamed 2 tags");
      expect((await api.client.tag.findUnique({ where: { id: a.id } }))?.name).toBe(`renamed ${a.id}`);
      const entries = await api.history.listAudit({ limit: 10 });
      const action = entries.find((entry) => entry.action === "action");
      expect(action).toBeDefined();
      const caused = entries.filter((entry) => entry.causeId === action?.id);
      expect(caused.map((entry) => entry.recordId).sort()).toEqual([String(a.id), String(b.id)].sort());
    });

    it("rolls back every write and writes no entry when the handler throws after writing", async () => {
      const a = await api.client.tag.create({ data: { name: "gamma" } });
      const b = await api.client.tag.create({ data: { name: "fail delta" } });
      const before = await auditCount();
      const res = await api.post("/api/records/tag/actions/rename", { ids: [String(a.id), String(b.id)] });
      expectApiError(res, 422, "validation_failed");
      expect(JSON.stringify(res.body)).toContain("The second tag refuses to be renamed");
      // The first tag was renamed inside the action's transaction before the throw: that write is undone.
      expect((await api.client.tag.findUnique({ where: { id: a.id } }))?.name).toBe("gamma");
      expect(await auditCount()).toBe(before);
    });
  });
}
