import { describe, expect, it } from "vitest";
import { fakeDataSource } from "../testing/fakeDataSource.js";
import { testApp } from "../testing/testApp.js";

describe("GET /api/lookup/{key}", () => {
  it("answers only { $id, $label } for each match, searching the trimmed text", async () => {
    const calls: [string | undefined, number][] = [];
    const { app } = testApp(
      fakeDataSource({
        lookup: async (model, search, limit) => {
          expect(model.key).toBe("author");
          calls.push([search, limit]);
          return [{ id: 7, name: "Frank Herbert" }];
        },
      }),
    );
    const res = await app.request("/api/lookup/author?q=%20frank%20&limit=5");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data).toHaveLength(1);
    expect(Object.keys(body.data[0]).sort()).toEqual(["$id", "$label"]);
    expect(body.data[0].$label).toBe("Frank Herbert");
    expect(calls).toEqual([["frank", 5]]);
  });

  it("uses the cap when no limit is given and caps bigger limits; blank search means no search", async () => {
    const calls: [string | undefined, number][] = [];
    const { app } = testApp(
      fakeDataSource({
        lookup: async (_model, search, limit) => {
          calls.push([search, limit]);
          return [];
        },
      }),
      { lookupLimit: 10 },
    );
    await app.request("/api/lookup/author");
    await app.request("/api/lookup/author?limit=5000&q=%20%20");
    expect(calls).toEqual([
      [undefined, 10],
      [undefined, 10],
    ]);
  });

  it("rejects a limit that is not a positive whole number with fields.limit", async () => {
    const { app } = testApp();
    for (const limit of ["0", "-3", "2.5", "ten", "0x10", "1e1"]) {
      const res = await app.request(`/api/lookup/author?limit=${limit}`);
      expect(res.status, limit).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("bad_request");
      expect(error.fields.limit).toContain("1 to 20");
    }
  });

  it("answers an unknown model with 404 unknown_model", async () => {
    const { app } = testApp();
    const res = await app.request("/api/lookup/authors");
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain("did you mean 'author'?");
  });
});
