/**
 * Computed list columns over the whole stack (config `models.<Model>.list.computed` checked and applied as at
 * start-up, the data source, `GET /api/records/<model>`), run on each database: the values under `$computed`,
 * sorting by a count, what a `value` function sees of a row (no hidden field), a function that throws (its cell,
 * not the list), and columns over a model the user may not view left out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leakRules, leaksSchemaPath } from "./leaksFixture.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";

const models = {
  Order: {
    list: {
      columns: ["number", "lineCount", "quantity", "averageQuantity", "seen"],
      computed: {
        lineCount: { label: "Lines", count: "lines" },
        quantity: { label: "Items", sum: "lines.quantity" },
        averageQuantity: { label: "Avg. items", average: "lines.quantity" },
        // What the function was given: the fields it may use, so the test sees a hidden one is not among them.
        seen: {
          value: (row: Readonly<Record<string, unknown>>) =>
            Object.keys(row)
              .filter((key) => !key.startsWith("$"))
              .sort()
              .join(","),
        },
        shouted: {
          value: (row: Readonly<Record<string, unknown>>) => {
            if (row.memo === null) throw new Error("no memo to shout");
            return String(row.memo).toUpperCase();
          },
        },
      },
    },
  },
  Customer: { list: { computed: { seats: { label: "Seats", sum: "subscriptions.seats" } } } },
};

type Row = Record<string, unknown> & {
  $computed?: Record<string, unknown>;
  $computedErrors?: Record<string, string>;
};

export function describeComputedColumns(provider: TestProvider): void {
  describe(`computed list columns on ${provider}`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await openTestApi(leaksSchemaPath, {
        provider,
        models,
        auth: { fields: leakRules },
        seed: async (client) => {
          const depot = await client.depot.create({
            data: { code: "D1", site: "North", name: "North depot" },
          });
          const ada = await client.customer.create({ data: { email: "ada@x.test", name: "Ada" } });
          const plan = await client.plan.create({ data: { name: "Pro" } });
          await client.subscription.create({ data: { customerId: ada.id, planId: plan.id, seats: 7 } });
          const lines = (quantities: number[]) => ({
            create: quantities.map((quantity) => ({
              quantity,
              depotCode: depot.code,
              depotSite: depot.site,
            })),
          });
          await client.order.create({
            data: { number: "A-1", memo: "gift", customerId: ada.id, lines: lines([1, 2, 6]) },
          });
          await client.order.create({
            data: { number: "A-2", memo: null, customerId: ada.id, lines: lines([4]) },
          });
          await client.order.create({ data: { number: "A-3", memo: "rush", customerId: ada.id } });
        },
      });
    }, 180_000);
    afterAll(() => api?.close());

    const rows = (body: unknown) => (body as { data: Row[] }).data;
    const byNumber = (body: unknown) => Object.fromEntries(rows(body).map((row) => [row.number, row]));

    it("sends each row's aggregates under $computed, apart from its fields", async () => {
      const res = await api.get("/api/records/order?sort=number");
      expect(res.status, res.text).toBe(200);
      const orders = byNumber(res.body);
      expect(orders["A-1"]?.$computed).toMatchObject({ lineCount: 3, quantity: 9, averageQuantity: 3 });
      expect(orders["A-2"]?.$computed).toMatchObject({ lineCount: 1, quantity: 4, averageQuantity: 4 });
      expect(orders["A-3"]?.$computed).toMatchObject({ lineCount: 0, quantity: 0, averageQuantity: null });
      // The to-many count keeps its own key: the column never shadows a field.
      expect(orders["A-1"]?.lines).toBe(3);
      const customers = rows((await api.get("/api/records/customer")).body);
      expect(customers[0]?.$computed).toEqual({ seats: 7 });
    });

    it("sorts by a computed count, and refuses a sort by an average with a message naming it", async () => {
      const res = await api.get("/api/records/order?sort=-lineCount");
      expect(res.status, res.text).toBe(200);
      expect(rows(res.body).map((row) => row.number)).toEqual(["A-1", "A-2", "A-3"]);
      // Paged by number: no cursor can seek by a count.
      expect(res.body).not.toHaveProperty("nextCursor");
      const refused = await api.get("/api/records/order?sort=averageQuantity");
      expect(refused.status).toBe(400);
      expect(refused.text).toContain("Cannot sort by 'averageQuantity': it is a computed average");
    });

    it("gives a value function the fields the user may see, and a failing one fails its cell only", async () => {
      const admin = byNumber((await api.get("/api/records/order?sort=number")).body);
      expect(String(admin["A-1"]?.$computed?.seen).split(",")).toContain("customerId");
      expect(admin["A-1"]?.$computed?.shouted).toBe("GIFT");
      expect(admin["A-2"]?.$computed?.shouted).toBeNull();
      expect(admin["A-2"]?.$computedErrors).toEqual({ shouted: "Shouted: no memo to shout" });
      expect(admin["A-1"]).not.toHaveProperty("$computedErrors");

      // Clerks may not see an order's customer: the function is not given it either.
      const clerk = await api.userSession("clerk@computed.test", {
        roles: ["clerk"],
        permissions: ["model:order:view", "model:line:view"],
      });
      const seen = byNumber((await clerk.get("/api/records/order?sort=number")).body);
      expect(String(seen["A-1"]?.$computed?.seen).split(",")).not.toContain("customerId");
      expect(seen["A-1"]?.$computed).toMatchObject({ lineCount: 3, quantity: 9 });
    });

    it("leaves out an aggregate over a model the user may not view", async () => {
      const viewer = await api.userSession("viewer@computed.test", { permissions: ["model:customer:view"] });
      const customers = rows((await viewer.get("/api/records/customer")).body);
      expect(customers[0]).not.toHaveProperty("$computed");
      // Nor does the list offer its column.
      const meta = (await viewer.get("/api/meta")).body as {
        models: { key: string; admin?: { list?: { computed?: unknown[] } } }[];
      };
      expect(meta.models.find((model) => model.key === "customer")?.admin?.list?.computed).toEqual([]);
    });
  });
}
