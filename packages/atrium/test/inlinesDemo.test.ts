/**
 * The demo's own inline (atrium.config.ts: an order's items) over the seeded bookstore: OrderItem's key is
 * (orderId, bookId), part of it the parent's, so rows are linked, found and re-keyed through the inline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../../../atrium.config.js";
import { checkModelsConfig } from "../src/config/checkModelsConfig.js";
import { expectApiError, expectStatus } from "./apiResponse.js";
import type { TestApi } from "./openTestApi.js";
import { openDemoApi } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

let api: TestApi;

beforeAll(async () => {
  api = await openDemoApi({
    configure: (schema) => {
      const checked = checkModelsConfig(config.models, schema);
      if (checked.checks.length > 0) throw new Error(checked.checks[0]?.message);
      return checked.schema;
    },
  });
}, 180_000);
afterAll(async () => {
  await api?.close();
});

describe("the demo's order items inline", () => {
  it("adds, changes and removes an order's items in one save", async () => {
    const orders = (await api.get("/api/records/order?perPage=50")).body.data as Row[];
    const order = orders.find((row) => row.items >= 2);
    const before = (await api.get(`/api/records/order/${order.$id}/inlines`)).body.data.items.rows as Row[];
    expect(before.length).toBe(order.items);
    const [changed, removed] = before;
    const taken = new Set(before.map((item) => item.book.$id));
    const editions = (await api.get("/api/records/edition?perPage=100")).body.data as Row[];
    const fresh = editions.find((edition) => !taken.has(edition.book.$id));
    const save = (quantity: unknown) =>
      api.patch(`/api/records/order/${order.$id}`, {
        $version: order.$version,
        $inlines: {
          items: [
            { $id: changed.$id, $version: changed.$version, quantity },
            { $id: removed.$id, $version: removed.$version, $delete: true },
            { book: fresh.book.$id, edition: fresh.$id, quantity: 1, unitPrice: "9.50" },
          ],
        },
      });
    const invalid = await save(-1.5);
    expectApiError(invalid, 422, "validation_failed", ["$inlines.items.0.quantity"]);
    const saved = await save(7);
    expectStatus(saved, 200);
    const after = (await api.get(`/api/records/order/${order.$id}/inlines`)).body.data.items.rows as Row[];
    expect(after.map((item) => item.$id).sort()).toEqual(
      [changed.$id, `${order.$id},${fresh.book.$id}`].sort(),
    );
    expect(after.find((item) => item.$id === changed.$id).quantity).toBe(7);
    const history = (await api.get(`/api/history?model=order-item&limit=10`)).body.data as Row[];
    expect(
      history
        .slice(0, 3)
        .map((entry) => entry.action)
        .sort(),
    ).toEqual(["create", "delete", "update"]);
  });
});
