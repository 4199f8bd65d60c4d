import { createMemoryAuthStore, createPasswordHasher } from "@atrium/auth";
import { AtriumError, type DataSource, type StoredRow } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { fakeDataSource } from "../testing/fakeDataSource.js";
import { signIn, testPassword } from "../testing/signedInApp.js";
import { jsonRequest, testApp } from "../testing/testApp.js";
import type { ActionContext, ServerAction } from "./actionTypes.js";

/** Books in memory; writes record their audit entries through the sink with a transaction marker. */
function books(): { source: DataSource; rows: Map<number, StoredRow> } {
  const rows = new Map<number, StoredRow>([
    [1, { id: 1, title: "Dune", pages: 412, authorId: 1 }],
    [2, { id: 2, title: "Emma", pages: 300, authorId: 1 }],
  ]);
  const source: DataSource = fakeDataSource({
    get: async (_model, id) => rows.get(Number(id.id)) ?? null,
    transaction: async (work) => work(source),
    update: async (model, id, data, context) => {
      const row = rows.get(Number(id.id));
      if (!row) throw new AtriumError("not_found", "gone");
      const next = { ...row, ...data.scalars };
      rows.set(Number(id.id), next);
      await context?.audit?.record("tx", {
        action: "update",
        model: model.key,
        recordId: String(id.id),
        changes: { title: { old: row.title, new: next.title } },
        actor: context.actor ?? null,
      });
      return next;
    },
  });
  return { source, rows };
}

const seen: ActionContext[] = [];
const retitle: ServerAction = {
  name: "retitle",
  kind: "bulk",
  label: "Retitle",
  permission: "change",
  params: [
    {
      name: "suffix",
      label: "Suffix",
      kind: "scalar",
      type: "String",
      isList: false,
      isRequired: true,
      isId: false,
      isUnique: false,
      isReadOnly: false,
      hasDefault: false,
      isUpdatedAt: false,
      isForeignKey: false,
    },
  ],
  async handler(context) {
    seen.push(context);
    for (const [index, id] of context.ids.entries()) {
      const title = String(context.records[index]?.title);
      await context.db.update("book", id, { title: `${title} ${String(context.params.suffix)}` });
      context.progress(index + 1, context.ids.length);
    }
    return { message: `Retitled ${context.ids.length} books` };
  },
};
const refuse: ServerAction = {
  name: "refuse",
  kind: "record",
  label: "Refuse",
  permission: "run",
  params: [],
  async handler(context) {
    seen.push(context);
    throw new AtriumError("validation_failed", "Books cannot be refused on Sundays");
  },
};
const failLate: ServerAction = {
  name: "failLate",
  kind: "bulk",
  label: "Fail late",
  permission: "change",
  params: [],
  async handler(context) {
    await context.db.update("book", context.ids[0] ?? "", { title: "changed" });
    throw new AtriumError("validation_failed", "Changed my mind");
  },
};

async function app() {
  const store = createMemoryAuthStore();
  const passwords = createPasswordHasher({ N: 2 ** 10 });
  const passwordHash = await passwords.hash(testPassword);
  await store.createUser({ email: "admin@x.test", passwordHash, isSuperuser: true, createdAt: new Date() });
  const clerk = await store.createUser({
    email: "clerk@x.test",
    passwordHash,
    isSuperuser: false,
    createdAt: new Date(),
  });
  const role = await store.createRole("clerks");
  await store.setRolePermissions(role.id, ["model:book:view", "action:book:refuse:run"]);
  await store.setUserRoles(clerk.id, [role.id]);
  const data = books();
  const built = testApp(data.source, {
    history: store,
    actions: new Map([["book", [retitle, refuse, failLate]]]),
    auth: { store, passwords, fields: { models: { book: { pages: "hidden" } } } },
  });
  const post = async (email: string, name: string, body: unknown, accept = "application/json") => {
    const cookie = await signIn(built.app, email);
    return built.app.request(
      `http://localhost/api/records/book/actions/${name}`,
      jsonRequest("POST", body, { Cookie: cookie, Origin: "http://localhost", Accept: accept }),
    );
  };
  return { ...built, ...data, store, post };
}

describe("POST /api/records/{key}/actions/{name}", () => {
  it("runs a bulk action in one transaction, records one 'action' entry and links each write to it", async () => {
    const { post, rows, store } = await app();
    const res = await post("admin@x.test", "retitle", { ids: ["1", "2"], params: { suffix: "(2nd ed.)" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { message: "Retitled 2 books", count: 2 } });
    expect(rows.get(1)?.title).toBe("Dune (2nd ed.)");
    const entries = await store.listAudit({});
    const action = entries.find((entry) => entry.action === "action");
    expect(action).toMatchObject({ model: "book", recordId: null, actorEmail: "admin@x.test" });
    expect(action?.changes.$count?.new).toBe(2);
    expect(action?.changes.$params?.new).toEqual({ suffix: "(2nd ed.)" });
    const updates = entries.filter((entry) => entry.action === "update");
    expect(updates.map((entry) => entry.causeId)).toEqual([action?.id, action?.id]);
  });

  it("hands the handler only the fields the user may see", async () => {
    const { post } = await app();
    seen.length = 0;
    await post("clerk@x.test", "refuse", { ids: ["1"] });
    expect(seen[0]?.records[0]).toMatchObject({ title: "Dune" });
    expect(seen[0]?.records[0]).not.toHaveProperty("pages");
  });

  it("places parameter problems beside their inputs (422 params.<name>)", async () => {
    const { post, rows } = await app();
    for (const suffix of ["", null]) {
      const blank = await post("admin@x.test", "retitle", { ids: ["1"], params: { suffix } });
      expect(blank.status).toBe(422);
      const fields = ((await blank.json()) as { error: { fields: Record<string, string> } }).error.fields;
      expect(fields).toEqual({ "params.suffix": "This field is required" });
    }
    const res = await post("admin@x.test", "retitle", { ids: ["1"], params: {} });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields)).toEqual(["params.suffix"]);
    expect(rows.get(1)?.title).toBe("Dune");
  });

  it("refuses a user without the permission (403) and leaves the action out of their /api/meta", async () => {
    const { post, app: built } = await app();
    const res = await post("clerk@x.test", "retitle", { ids: ["1"], params: { suffix: "!" } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "model:book:change",
    );
    const cookie = await signIn(built, "clerk@x.test");
    const meta = (await (
      await built.request("http://localhost/api/meta", { headers: { Cookie: cookie } })
    ).json()) as {
      models: {
        key: string;
        bulkActions?: unknown[];
        recordActions?: { name: string; handler?: unknown }[];
      }[];
    };
    const book = meta.models.find((model) => model.key === "book");
    expect(book?.bulkActions).toEqual([]);
    expect(book?.recordActions?.map((action) => action.name)).toEqual(["refuse"]);
    expect(book?.recordActions?.[0]).not.toHaveProperty("handler");
  });

  it("shows the handler's refusal to the user and records nothing", async () => {
    const { post, store } = await app();
    const res = await post("clerk@x.test", "refuse", { ids: ["1"] });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "Books cannot be refused on Sundays",
    );
    const record = await post("clerk@x.test", "refuse", { ids: ["1", "2"] });
    expect(record.status).toBe(422);
    expect((await store.listAudit({})).filter((entry) => entry.action === "action")).toEqual([]);
  });

  it("answers the refusal of a handler that already wrote (its transaction rolls back)", async () => {
    const { post } = await app();
    const res = await post("admin@x.test", "failLate", { ids: ["1"] });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("Changed my mind");
  });

  it("answers 404 for an action the model does not have", async () => {
    const { post } = await app();
    expect((await post("admin@x.test", "publish", { ids: ["1"] })).status).toBe(404);
  });

  it("streams progress as NDJSON when asked, ending with the answer", async () => {
    const { post } = await app();
    const res = await post(
      "admin@x.test",
      "retitle",
      { ids: ["1", "2"], params: { suffix: "x" } },
      "application/x-ndjson",
    );
    expect(res.headers.get("Content-Type")).toContain("application/x-ndjson");
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ type: "progress", done: 1, total: 2 });
    expect(lines.at(-1)).toEqual({ type: "done", message: "Retitled 2 books", count: 2 });
  });

  it("ends a stream with the error's own status, as the answer without a stream would have it", async () => {
    const { post } = await app();
    const plain = await post("admin@x.test", "retitle", { ids: ["999"], params: { suffix: "x" } });
    expect(plain.status).toBe(404);
    const streamed = await post(
      "admin@x.test",
      "retitle",
      { ids: ["999"], params: { suffix: "x" } },
      "application/x-ndjson",
    );
    const last = JSON.parse((await streamed.text()).trim().split("\n").at(-1) ?? "{}");
    expect(last).toMatchObject({ type: "error", status: 404, error: { code: "not_found" } });
    expect(last.error.message).toMatch(/no longer exist/);
  });
});
