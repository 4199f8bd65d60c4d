import { describe, expect, it } from "vitest";
import { fakeDataSource } from "../testing/fakeDataSource.js";
import { testApp } from "../testing/testApp.js";

describe("GET /api/counts", () => {
  it("answers one count per model key", async () => {
    const totals: Record<string, number> = { Author: 3, Book: 41, OrderLine: 1_000_000 };
    const { app } = testApp(
      fakeDataSource({
        count: async (model) => ({ total: totals[model.name] ?? 0, isEstimate: model.name === "OrderLine" }),
      }),
    );
    const res = await app.request("/api/counts");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: {
        author: { total: 3, isEstimate: false },
        book: { total: 41, isEstimate: false },
        "order-line": { total: 1_000_000, isEstimate: true },
      },
    });
  });

  it("shows a failing count as unknown and logs it instead of failing the home page", async () => {
    const failure = new Error("no such table: OrderLine");
    const { app, logged } = testApp(
      fakeDataSource({
        count: async (model) => {
          if (model.name === "OrderLine") throw failure;
          return { total: 1, isEstimate: false };
        },
      }),
    );
    const res = await app.request("/api/counts");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data["order-line"]).toEqual({ total: null, isEstimate: false });
    expect(body.data.book).toEqual({ total: 1, isEstimate: false });
    expect(logged.map((entry) => entry.error)).toEqual([failure]);
  });
});
