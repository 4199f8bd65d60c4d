import { encodeRecordId, type IdValues } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { fakeDataSource } from "../testing/fakeDataSource.js";
import { schemaFixture } from "../testing/schemaFixture.js";
import { jsonRequest, testApp } from "../testing/testApp.js";

const lineModel = schemaFixture().models[2];
if (!lineModel) throw new Error("fixture changed");

describe("POST /api/records/{key}/delete-many", () => {
  it("deletes the distinct records named by $id and answers how many", async () => {
    const calls: IdValues[][] = [];
    const { app } = testApp(
      fakeDataSource({
        deleteMany: async (model, ids) => {
          expect(model.key).toBe("order-line");
          calls.push(ids);
          return ids.length;
        },
      }),
    );
    const a = encodeRecordId(lineModel, { orderCode: "A,1", sku: "x%2Cy" });
    const b = encodeRecordId(lineModel, { orderCode: "B", sku: "z" });
    const res = await app.request(
      "/api/records/order-line/delete-many",
      jsonRequest("POST", { ids: [a, b, a] }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: 2 });
    expect(calls).toEqual([
      [
        { orderCode: "A,1", sku: "x%2Cy" },
        { orderCode: "B", sku: "z" },
      ],
    ]);
  });

  it("rejects missing, empty, oversized and non-string id lists with fields.ids", async () => {
    const { app } = testApp(fakeDataSource(), { maxBulkIds: 3 });
    const bodies = [
      {},
      [],
      { ids: "1" },
      { ids: [] },
      { ids: ["1", "2", "3", "4"] },
      { ids: [1] },
      { ids: [""] },
    ];
    for (const body of bodies) {
      const res = await app.request("/api/records/book/delete-many", jsonRequest("POST", body));
      expect(res.status, JSON.stringify(body)).toBe(422);
      const { error } = await res.json();
      expect(error.code).toBe("validation_failed");
      expect(typeof error.fields.ids).toBe("string");
    }
  });

  it("rejects an id that does not decode for the model, naming it", async () => {
    const { app } = testApp();
    const res = await app.request(
      "/api/records/book/delete-many",
      jsonRequest("POST", { ids: ["1", "not-a-number"] }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.ids).toContain("not-a-number");
  });

  it("needs a JSON body", async () => {
    const { app } = testApp();
    const res = await app.request("/api/records/book/delete-many", { method: "POST", body: "ids=1" });
    expect(res.status).toBe(415);
  });
});
