/**
 * The permission matrix, generated from the schema: every route for every model of the demo, called by users
 * of four roles, each answer checked against the policy. Allowed calls must not answer 401/403 (they may
 * still answer 404/409/422: the requests are built not to change data); denied calls answer 403.
 */
import type { ModelAction } from "@atrium/auth";
import type { ModelMeta } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiResponse } from "./apiResponse.js";
import type { TestApi, TestSession } from "./openTestApi.js";
import { openDemoApi } from "./schemaPaths.js";

/** The model the viewer and the editor are granted. */
const granted = "book";

type Role = "none" | "viewer" | "editor" | "superuser";
const roles: Role[] = ["none", "viewer", "editor", "superuser"];

function allows(role: Role, model: string, action: ModelAction): boolean {
  if (role === "superuser") return true;
  if (role === "none" || model !== granted) return false;
  return role === "editor" || action === "view";
}

interface RouteCase {
  name: string;
  action: ModelAction;
  /** Needs an existing record's $id. */
  needsRecord: boolean;
  call(session: TestSession, model: ModelMeta, id: string): Promise<ApiResponse>;
}

const seg = encodeURIComponent;
const routes: RouteCase[] = [
  { name: "list", action: "view", needsRecord: false, call: (s, m) => s.get(`/api/records/${m.key}`) },
  { name: "lookup", action: "view", needsRecord: false, call: (s, m) => s.get(`/api/lookup/${m.key}`) },
  {
    name: "record",
    action: "view",
    needsRecord: true,
    call: (s, m, id) => s.get(`/api/records/${m.key}/${seg(id)}`),
  },
  {
    name: "delete-preview",
    action: "view",
    needsRecord: true,
    call: (s, m, id) => s.get(`/api/records/${m.key}/${seg(id)}/delete-preview`),
  },
  {
    name: "history",
    action: "view",
    needsRecord: true,
    call: (s, m, id) => s.get(`/api/records/${m.key}/${seg(id)}/history`),
  },
  {
    name: "model history",
    action: "view",
    needsRecord: false,
    call: (s, m) => s.get(`/api/history?model=${m.key}`),
  },
  // A create missing its required fields (422 when allowed), a generation's preview, an update with a stale version and deletes with
  // a stale version (409 when allowed): nothing changes whoever asks.
  {
    name: "create",
    action: "add",
    needsRecord: false,
    call: (s, m) => s.post(`/api/records/${m.key}`, { [m.fields[0]?.name ?? "x"]: { contains: "x" } }),
  },
  {
    name: "generate preview",
    action: "add",
    needsRecord: false,
    call: (s, m) => s.post(`/api/records/${m.key}/generate`, { count: 1, seed: 1, preview: true }),
  },
  {
    name: "update",
    action: "change",
    needsRecord: true,
    call: (s, m, id) => s.patch(`/api/records/${m.key}/${seg(id)}`, { $version: "stale-version" }),
  },
  {
    name: "delete",
    action: "delete",
    needsRecord: true,
    call: (s, m, id) => s.delete(`/api/records/${m.key}/${seg(id)}?version=stale-version`),
  },
  {
    name: "delete-many",
    action: "delete",
    needsRecord: true,
    call: (s, m, id) =>
      s.post(`/api/records/${m.key}/delete-many`, { ids: [id], versions: { [id]: "stale-version" } }),
  },
];

let api: TestApi;
const sessions = new Map<Role, TestSession>();
const firstIds = new Map<string, string>();

beforeAll(async () => {
  api = await openDemoApi();
  sessions.set("none", await api.userSession("none@test.atrium"));
  sessions.set(
    "viewer",
    await api.userSession("viewer@test.atrium", { permissions: [`model:${granted}:view`] }),
  );
  sessions.set(
    "editor",
    await api.userSession("editor@test.atrium", {
      permissions: ["add", "change", "delete"].map((action) => `model:${granted}:${action}`),
    }),
  );
  sessions.set("superuser", await api.userSession("super@test.atrium", { isSuperuser: true }));
  for (const model of api.schema.models) {
    const list = await api.get(`/api/records/${model.key}?perPage=1`);
    const id = list.body.data[0]?.$id;
    if (typeof id === "string") firstIds.set(model.key, id);
  }
}, 60_000);

afterAll(async () => {
  await api?.close();
});

describe("every route, every model, every role", () => {
  it("matches the policy in every cell", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const model of api.schema.models) {
      const id = firstIds.get(model.key);
      for (const route of routes) {
        if (route.needsRecord && id === undefined) continue;
        for (const role of roles) {
          const session = sessions.get(role) as TestSession;
          const answer = await route.call(session, model, id ?? "");
          const expected = allows(role, model.key, route.action);
          const ok = expected ? answer.status !== 401 && answer.status !== 403 : answer.status === 403;
          cells++;
          if (!ok)
            mismatches.push(
              `${role} ${route.name} ${model.key}: ${answer.status} ${answer.text.slice(0, 120)}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(api.schema.models.length * roles.length * 8);
  }, 120_000);

  it("lists, counts and describes only the models a user may view", async () => {
    for (const role of roles) {
      const session = sessions.get(role) as TestSession;
      const visible = api.schema.models.filter((model) => allows(role, model.key, "view")).map((m) => m.key);
      const meta = await session.get("/api/meta");
      expect(
        meta.body.models.map((model: { key: string }) => model.key),
        role,
      ).toEqual(visible);
      const counts = await session.get("/api/counts");
      expect(Object.keys(counts.body.data).sort(), role).toEqual([...visible].sort());
      const me = await session.get("/api/auth/me");
      expect(me.body.models[granted], role).toEqual({
        view: allows(role, granted, "view"),
        add: allows(role, granted, "add"),
        change: allows(role, granted, "change"),
        delete: allows(role, granted, "delete"),
      });
    }
  });

  it("shows in the global history only entries of models the user may view, and lets only editors revert", async () => {
    const bookId = firstIds.get(granted) ?? "";
    const authorId = firstIds.get("author") ?? "";
    const book = await api.get(`/api/records/book/${seg(bookId)}`);
    await api.patch(`/api/records/book/${seg(bookId)}`, {
      subtitle: "History subtitle",
      $version: book.body.data.$version,
    });
    const author = await api.get(`/api/records/author/${seg(authorId)}`);
    await api.patch(`/api/records/author/${seg(authorId)}`, {
      country: "NZ",
      $version: author.body.data.$version,
    });
    for (const role of roles) {
      const history = await (sessions.get(role) as TestSession).get("/api/history?limit=200");
      const models = new Set(history.body.data.map((entry: { model: string | null }) => entry.model));
      for (const model of models) {
        const allowed = model === null ? role === "superuser" : allows(role, model as string, "view");
        expect(allowed, `${role} sees ${String(model)}`).toBe(true);
      }
      if (role !== "none") expect(models.has(granted), role).toBe(true);
    }
    const entry = (await api.get(`/api/records/book/${seg(bookId)}/history`)).body.data[0];
    const viewer = sessions.get("viewer") as TestSession;
    expect((await viewer.post(`/api/history/${entry.id}/revert`, {})).status).toBe(403);
    const authorEntry = (await api.get(`/api/records/author/${seg(authorId)}/history`)).body.data[0];
    expect((await viewer.get(`/api/history/${authorEntry.id}`)).status).toBe(404);
    expect(
      (await (sessions.get("editor") as TestSession).post(`/api/history/${entry.id}/revert`, {})).status,
    ).toBe(200);
  });

  it("refuses a delete that would take with it records the user may not delete", async () => {
    const order = await api.client.order.findFirst({
      where: { items: { some: {} } },
      include: { _count: { select: { items: true } } },
    });
    const items = order._count.items;
    const orderOnly = await api.userSession("order-deleter@test.atrium", {
      permissions: ["model:order:view", "model:order:delete"],
    });
    const refused = await orderOnly.delete(`/api/records/order/${order.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(`${items} order item`);
    expect(await api.client.orderItem.count({ where: { orderId: order.id } })).toBe(items);
    expect((await orderOnly.post("/api/records/order/delete-many", { ids: [String(order.id)] })).status).toBe(
      403,
    );
    expect(await api.client.order.count({ where: { id: order.id } })).toBe(1);

    const withItems = await api.userSession("order-and-items@test.atrium", {
      permissions: ["model:order:view", "model:order:delete", "model:order-item:delete"],
    });
    expect((await withItems.delete(`/api/records/order/${order.id}`)).status).toBe(204);
    expect(await api.client.orderItem.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("lets a revert do only what the user may do: re-create needs add, undoing a create needs delete", async () => {
    const created = await api.post("/api/records/tag", { name: "Revert rights", slug: "revert-rights" });
    const [createEntry] = (await api.get(`/api/records/tag/${created.body.data.$id}/history`)).body.data;
    const changer = await api.userSession("tag-changer@test.atrium", {
      permissions: ["model:tag:view", "model:tag:change"],
    });
    expect((await changer.post(`/api/history/${createEntry.id}/revert`, {})).status).toBe(403);
    expect((await api.get(`/api/records/tag/${created.body.data.$id}`)).status).toBe(200);
    expect((await api.delete(`/api/records/tag/${created.body.data.$id}`)).status).toBe(204);
    const [deleteEntry] = (await api.get(`/api/records/tag/${created.body.data.$id}/history`)).body.data;
    expect((await changer.post(`/api/history/${deleteEntry.id}/revert`, {})).status).toBe(403);
    const adder = await api.userSession("tag-adder@test.atrium", {
      permissions: ["model:tag:view", "model:tag:add"],
    });
    expect((await adder.post(`/api/history/${deleteEntry.id}/revert`, {})).status).toBe(200);
    expect((await api.get(`/api/records/tag/${created.body.data.$id}`)).status).toBe(200);
  });
});
