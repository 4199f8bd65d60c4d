/**
 * The SaaS schema through the HTTP API: uuid and cuid ids, enums, a compound unique (409 on both fields), a
 * model without @id addressed by its compound unique, a self-relation with SetNull, and an implicit m-n set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError, expectStatus } from "./apiResponse.js";
import type { TestApi } from "./openTestApi.js";
import { openTestApi } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

let api: TestApi;
// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;
const made: Record<string, Row> = {};

async function create(key: string, body: object): Promise<Row> {
  const res = await api.post(`/api/records/${key}`, body);
  expectStatus(res, 201);
  return res.body.data;
}

beforeAll(async () => {
  api = await openTestApi(testSchemaPath("saas"));
  made.acme = await create("organization", { name: "Acme", slug: "acme", plan: "PRO" });
  made.beta = await create("organization", { name: "Beta", slug: "beta" });
  made.ann = await create("user", { email: "ann@example.com", firstName: "Ann" });
  made.bob = await create("user", { email: "bob@example.com", firstName: "Bob", lastName: "Stone" });
  made.site = await create("project", { title: "Website", org: made.acme.$id });
  made.bug = await create("label", { name: "bug" });
  made.docs = await create("label", { name: "docs" });
  made.parent = await create("task", { title: "Fix login", project: made.site.$id, labels: [made.bug.$id] });
  made.child = await create("task", {
    title: "fix typo",
    project: made.site.$id,
    parent: made.parent.$id,
    assignee: made.ann.$id,
    status: "IN_PROGRESS",
  });
});

afterAll(async () => {
  await api?.close();
});

describe("generated ids and enums", () => {
  it("fills uuid, cuid and enum defaults and reports them in the row", () => {
    expect(made.acme.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(made.acme.$id).toBe(made.acme.id);
    expect(made.ann.id).toMatch(/^c[a-z0-9]{20,}$/);
    expect(made.beta.plan).toBe("FREE");
    expect(made.child).toMatchObject({
      status: "IN_PROGRESS",
      parent: { $id: made.parent.$id, $label: "Fix login" },
    });
    expect(made.ann.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("refuses unknown enum values, writes to generated ids and to @updatedAt with 422", async () => {
    expectApiError(
      await api.patch(`/api/records/organization/${made.beta.$id}`, { plan: "GOLD" }),
      422,
      "validation_failed",
      ["plan"],
    );
    expectApiError(
      await api.patch(`/api/records/user/${made.ann.$id}`, { id: "x" }),
      422,
      "validation_failed",
      ["id"],
    );
    expectApiError(
      await api.patch(`/api/records/user/${made.ann.$id}`, { updatedAt: "2024-01-01T00:00:00Z" }),
      422,
      "validation_failed",
      ["updatedAt"],
    );
    expectApiError(await api.get("/api/records/membership/abc"), 400, "bad_request", ["$id"]);
    expectApiError(
      await api.get("/api/records/organization/00000000-0000-4000-8000-000000000000"),
      404,
      "not_found",
    );
  });

  it("filters enums and nullable relations, and searches every search field", async () => {
    const status = await api.get("/api/records/task?filter.status.in=IN_PROGRESS,DONE");
    expect(status.body.data.map((row: Row) => row.title)).toEqual(["fix typo"]);
    const unassigned = await api.get("/api/records/task?filter.assignee.isNull=true");
    expect(unassigned.body.data.map((row: Row) => row.title)).toEqual(["Fix login"]);
    const byLabel = await api.get(`/api/records/task?filter.labels.eq=${made.bug.$id}`);
    expect(byLabel.body.data.map((row: Row) => row.title)).toEqual(["Fix login"]);
    const search = await api.get("/api/records/user?q=STONE");
    expect(search.body.data.map((row: Row) => row.email)).toEqual(["bob@example.com"]);
    const fix = await api.get("/api/records/task?q=FIX&sort=title");
    expect(fix.body.data.map((row: Row) => row.title)).toEqual(["Fix login", "fix typo"]);
  });
});

describe("unique constraints", () => {
  it("answers 409 on both fields of a compound unique", async () => {
    await create("membership", { org: made.acme.$id, user: made.ann.$id, role: "OWNER" });
    const twin = await api.post("/api/records/membership", { org: made.acme.$id, user: made.ann.$id });
    expectApiError(twin, 409, "unique_violation", ["orgId", "userId"]);
    const byKeys = await api.post("/api/records/membership", { orgId: made.acme.id, userId: made.ann.id });
    expectApiError(byKeys, 409, "unique_violation", ["orgId", "userId"]);
    expect(await api.client.membership.count()).toBe(1);
  });

  it("answers 409 on a single unique field", async () => {
    expectApiError(
      await api.post("/api/records/user", { email: "ann@example.com" }),
      409,
      "unique_violation",
      ["email"],
    );
    expectApiError(
      await api.patch(`/api/records/organization/${made.beta.$id}`, { slug: "acme" }),
      409,
      "unique_violation",
      ["slug"],
    );
  });
});

describe("a model without @id", () => {
  it("is addressed by its compound unique through the whole CRUD cycle", async () => {
    const setting = await create("org-setting", { org: made.acme.$id, key: "theme,dark", value: "on" });
    expect(setting.$id).toBe(`${made.acme.id},theme%2Cdark`);
    const path = `/api/records/org-setting/${encodeURIComponent(setting.$id)}`;
    expect((await api.get(path)).body.data).toMatchObject({ key: "theme,dark", value: "on" });
    expect((await api.patch(path, { value: "off" })).body.data.value).toBe("off");
    const list = await api.get(`/api/records/org-setting?filter.org.eq=${made.acme.$id}`);
    expect(list.body.data.map((row: Row) => row.$id)).toEqual([setting.$id]);
    expectStatus(await api.delete(path), 204);
    expectApiError(await api.get(path), 404, "not_found");
    expectApiError(await api.get("/api/records/org-setting/only-one-part"), 400, "bad_request", ["$id"]);
  });
});

describe("relations", () => {
  it("answers 422 on the relation for a missing related record", async () => {
    const res = await api.post("/api/records/project", {
      title: "Lost",
      org: "00000000-0000-4000-8000-000000000000",
    });
    expectApiError(res, 422, "foreign_key_violation", ["org"]);
  });

  it("replaces an m-n set, and changes nothing when the set names a missing record", async () => {
    const path = `/api/records/task/${made.parent.$id}`;
    const set = await api.patch(path, { labels: [made.bug.$id, made.docs.$id] });
    expect(set.body.data.labels).toBe(2);
    const failed = await api.patch(path, { title: "Renamed", labels: [made.docs.$id, "999999"] });
    expectApiError(failed, 422, "foreign_key_violation", ["labels"]);
    const stored = await api.client.task.findUnique({
      where: { id: made.parent.id },
      include: { labels: true },
    });
    expect(stored.title).toBe("Fix login");
    expect(stored.labels.map((label: Row) => label.name).sort()).toEqual(["bug", "docs"]);
    expect((await api.patch(path, { labels: [] })).body.data.labels).toBe(0);
  });

  it("previews a self-relation SetNull and cascades, then deletes as previewed", async () => {
    const preview = (await api.get(`/api/records/task/${made.parent.$id}/delete-preview`)).body.data;
    expect(preview.setNull).toContainEqual(
      expect.objectContaining({ model: "task", via: "parent", count: 1, examples: ["fix typo"] }),
    );
    const project = (await api.get(`/api/records/project/${made.site.$id}/delete-preview`)).body.data;
    expect(project.cascades).toContainEqual(
      expect.objectContaining({ model: "task", via: "project", count: 2 }),
    );
    expectStatus(await api.delete(`/api/records/task/${made.parent.$id}`), 204);
    expect((await api.get(`/api/records/task/${made.child.$id}`)).body.data).toMatchObject({
      parent: null,
      parentId: null,
    });
  });
});

it("logged no unexpected error", () => {
  expect(api.problems).toEqual([]);
});
