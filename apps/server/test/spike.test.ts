import { fileURLToPath } from "node:url";
import { it, expect } from "vitest";
import { seedDemo } from "../../../prisma/seed/seedDemo.js";
import { openTestApi } from "./openTestApi.js";

it("spike", async () => {
  let t = Date.now();
  const api = await openTestApi(fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url)), {
    seed: async (client) => console.log(JSON.stringify(await seedDemo(client, { scale: 0.02 }))),
  });
  console.log("open", Date.now() - t); t = Date.now();
  api.queries.reset();
  const r = await api.get("/api/records/book?perPage=10");
  console.log(r.status, api.queries.count(), api.queries.statements());
  api.queries.reset();
  const r2 = await api.get("/api/records/book?perPage=50");
  console.log(r2.status, api.queries.count(), JSON.stringify(r2.body.data[0]).slice(0, 800));
  const o = await api.get("/api/records/order-item?perPage=3");
  console.log(JSON.stringify(o.body, null, 1).slice(0, 1500));
  await api.close();
  expect(1).toBe(1);
}, 120000);
