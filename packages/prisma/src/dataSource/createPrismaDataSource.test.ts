/** The data source against a real SQLite database built from test/schemas/saas.prisma. */
import type { FilterSpec, ListQuery, ModelMeta } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caught } from "./testing/caught.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

let db: TestDatabase;
let task: ModelMeta;
const ids = {
  acme: "",
  beta: "",
  ann: "",
  bob: "",
  carl: "",
  website: "",
  mobile: "",
  bug: 0,
  docs: 0,
  fixLogin: 0,
};

function query(overrides: Partial<ListQuery> = {}): ListQuery {
  return { page: 1, perPage: 50, sort: [{ path: ["id"], direction: "asc" }], filters: [], ...overrides };
}

async function taskTitles(filters: FilterSpec[], search?: string): Promise<string[]> {
  const result = await db.dataSource.list(task, query({ filters, search }));
  return result.rows.map((row) => String(row.title));
}

const noWrites = { scalars: {}, connect: {}, setMany: {} };

beforeAll(async () => {
  db = await openTestDatabase("saas");
  task = db.model("Task");
  const { client } = db;
  ids.acme = (await client.organization.create({ data: { name: "Acme", slug: "acme", plan: "PRO" } })).id;
  ids.beta = (await client.organization.create({ data: { name: "Beta", slug: "beta" } })).id;
  ids.ann = (await client.user.create({ data: { email: "ann@example.com", firstName: "Ann" } })).id;
  ids.bob = (await client.user.create({ data: { email: "bob@example.com", firstName: "Bob" } })).id;
  ids.carl = (await client.user.create({ data: { email: "carl@example.com" } })).id;
  ids.website = (await client.project.create({ data: { title: "Website", orgId: ids.acme } })).id;
  ids.mobile = (await client.project.create({ data: { title: "Mobile", orgId: ids.beta } })).id;
  ids.bug = (await client.label.create({ data: { name: "bug" } })).id;
  ids.docs = (await client.label.create({ data: { name: "docs" } })).id;
  const fixLogin = await client.task.create({
    data: {
      title: "Fix login",
      projectId: ids.website,
      assigneeId: ids.ann,
      status: "IN_PROGRESS",
      labels: { connect: [{ id: ids.bug }] },
    },
  });
  ids.fixLogin = fixLogin.id;
  await client.task.create({
    data: {
      title: "Write docs",
      projectId: ids.website,
      assigneeId: ids.bob,
      dueAt: new Date("2026-03-01T00:00:00Z"),
      labels: { connect: [{ id: ids.docs }] },
    },
  });
  await client.task.create({
    data: {
      title: "fix typo",
      projectId: ids.website,
      parentId: fixLogin.id,
      labels: { connect: [{ id: ids.bug }] },
    },
  });
  await client.task.create({
    data: {
      title: "Ship app",
      projectId: ids.mobile,
      assigneeId: ids.ann,
      status: "DONE",
      reporterId: ids.bob,
    },
  });
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("list filters", () => {
  it("applies each scalar operator", async () => {
    expect(await taskTitles([{ path: ["status"], op: "eq", value: "DONE" }])).toEqual(["Ship app"]);
    expect(await taskTitles([{ path: ["status"], op: "in", value: ["DONE", "IN_PROGRESS"] }])).toEqual([
      "Fix login",
      "Ship app",
    ]);
    expect(await taskTitles([{ path: ["id"], op: "lt", value: ids.fixLogin + 1 }])).toEqual(["Fix login"]);
    expect(await taskTitles([{ path: ["id"], op: "lte", value: ids.fixLogin + 1 }])).toEqual([
      "Fix login",
      "Write docs",
    ]);
    expect(await taskTitles([{ path: ["id"], op: "gt", value: ids.fixLogin + 2 }])).toEqual(["Ship app"]);
    expect(await taskTitles([{ path: ["id"], op: "gte", value: ids.fixLogin + 2 }])).toEqual([
      "fix typo",
      "Ship app",
    ]);
    expect(await taskTitles([{ path: ["dueAt"], op: "isNull", value: false }])).toEqual(["Write docs"]);
    expect(
      await taskTitles([{ path: ["dueAt"], op: "gt", value: new Date("2026-01-01T00:00:00Z") }]),
    ).toEqual(["Write docs"]);
  });

  it("matches contains and startsWith whatever the case", async () => {
    expect(await taskTitles([{ path: ["title"], op: "contains", value: "FIX" }])).toEqual([
      "Fix login",
      "fix typo",
    ]);
    expect(await taskTitles([{ path: ["title"], op: "startsWith", value: "sHiP" }])).toEqual(["Ship app"]);
  });

  it("keeps records without a value in neq", async () => {
    expect(await taskTitles([{ path: ["assigneeId"], op: "neq", value: ids.ann }])).toEqual([
      "Write docs",
      "fix typo",
    ]);
    expect(await taskTitles([{ path: ["assignee"], op: "neq", value: { id: ids.ann } }])).toEqual([
      "Write docs",
      "fix typo",
    ]);
  });

  it("searches the model's search fields case-insensitively", async () => {
    expect(await taskTitles([], "LOGIN")).toEqual(["Fix login"]);
    const users = await db.dataSource.list(db.model("User"), query({ search: "ANN" }));
    expect(users.rows.map((row) => row.email)).toEqual(["ann@example.com"]);
  });

  it("filters by related records: by id, by path, and by presence", async () => {
    expect(await taskTitles([{ path: ["assignee"], op: "eq", value: { id: ids.ann } }])).toEqual([
      "Fix login",
      "Ship app",
    ]);
    expect(
      await taskTitles([{ path: ["assignee"], op: "in", value: [{ id: ids.bob }, { id: ids.carl }] }]),
    ).toEqual(["Write docs"]);
    expect(await taskTitles([{ path: ["labels"], op: "eq", value: { id: ids.bug } }])).toEqual([
      "Fix login",
      "fix typo",
    ]);
    expect(await taskTitles([{ path: ["project", "org", "slug"], op: "eq", value: "beta" }])).toEqual([
      "Ship app",
    ]);
    expect(await taskTitles([{ path: ["labels", "name"], op: "startsWith", value: "DO" }])).toEqual([
      "Write docs",
    ]);
    expect(await taskTitles([{ path: ["assignee"], op: "isNull", value: true }])).toEqual(["fix typo"]);
    expect(await taskTitles([{ path: ["labels"], op: "isNull", value: true }])).toEqual(["Ship app"]);
    expect(await taskTitles([{ path: ["subtasks"], op: "isNull", value: false }])).toEqual(["Fix login"]);
  });
});

describe("list rows", () => {
  it("carry to-one relations as id and title, and to-many relations as counts", async () => {
    const result = await db.dataSource.list(
      task,
      query({ filters: [{ path: ["id"], op: "eq", value: ids.fixLogin }] }),
    );
    expect(result.total).toBe(1);
    expect(result.totalIsEstimate).toBe(false);
    const [row] = result.rows;
    expect(row).toMatchObject({
      title: "Fix login",
      status: "IN_PROGRESS",
      project: { id: ids.website, title: "Website" },
      assignee: { id: ids.ann, email: "ann@example.com" },
      reporter: null,
      parent: null,
      subtasks: 1,
      labels: 1,
    });
  });

  it("sort through a relation, with the id breaking ties", async () => {
    const result = await db.dataSource.list(
      task,
      query({
        filters: [{ path: ["assignee"], op: "isNull", value: false }],
        sort: [
          { path: ["assignee", "email"], direction: "desc" },
          { path: ["id"], direction: "desc" },
        ],
      }),
    );
    expect(result.rows.map((row) => row.title)).toEqual(["Write docs", "Ship app", "Fix login"]);
  });

  it("page without gaps or repeats when many rows share the sort value", async () => {
    const extra = Array.from({ length: 23 }, (_, index) => ({
      title: `Bulk ${index}`,
      projectId: ids.mobile,
    }));
    await db.client.task.createMany({ data: extra });
    const filters: FilterSpec[] = [{ path: ["title"], op: "startsWith", value: "Bulk" }];
    const seen: unknown[] = [];
    for (let page = 1; page <= 4; page++) {
      const result = await db.dataSource.list(
        task,
        query({ page, perPage: 7, filters, sort: [{ path: ["status"], direction: "asc" }] }),
      );
      expect(result.total).toBe(23);
      seen.push(...result.rows.map((row) => row.id));
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    await db.client.task.deleteMany({ where: { title: { startsWith: "Bulk" } } });
  });
});

describe("get and lookup", () => {
  it("get reads one record with the list's shape, or null", async () => {
    const row = await db.dataSource.get(task, { id: ids.fixLogin });
    expect(row).toMatchObject({ title: "Fix login", project: { title: "Website" }, subtasks: 1 });
    expect(await db.dataSource.get(task, { id: 999_999 })).toBeNull();
  });

  it("lookup searches case-insensitively and orders by title", async () => {
    const user = db.model("User");
    const rows = await db.dataSource.lookup(user, "EXAMPLE", 2);
    expect(rows).toEqual([
      { id: ids.ann, email: "ann@example.com" },
      { id: ids.bob, email: "bob@example.com" },
    ]);
    expect(await db.dataSource.lookup(user, "bo", 10)).toEqual([{ id: ids.bob, email: "bob@example.com" }]);
  });
});

describe("writes", () => {
  it("create accepts raw foreign keys next to connect and many-to-many sets", async () => {
    const row = await db.dataSource.create(task, {
      scalars: { title: "New task", projectId: ids.website },
      connect: { assignee: { id: ids.carl } },
      setMany: { labels: [{ id: ids.bug }, { id: ids.docs }] },
    });
    expect(row).toMatchObject({
      title: "New task",
      status: "TODO",
      project: { id: ids.website, title: "Website" },
      assignee: { id: ids.carl, email: "carl@example.com" },
      labels: 2,
    });
    await db.client.task.delete({ where: { id: row.id } });
  });

  it("update connects, disconnects and replaces many-to-many sets", async () => {
    const created = await db.client.task.create({
      data: {
        title: "Edit me",
        projectId: ids.website,
        assigneeId: ids.ann,
        labels: { connect: [{ id: ids.bug }] },
      },
    });
    const updated = await db.dataSource.update(
      task,
      { id: created.id },
      {
        scalars: { title: "Edited" },
        connect: { assignee: null, project: { id: ids.mobile } },
        setMany: { labels: [{ id: ids.docs }] },
      },
    );
    expect(updated).toMatchObject({
      title: "Edited",
      assignee: null,
      project: { title: "Mobile" },
      labels: 1,
    });
    const labels = await db.client.label.findMany({ where: { tasks: { some: { id: created.id } } } });
    expect(labels.map((label: { name: string }) => label.name)).toEqual(["docs"]);
    await db.client.task.delete({ where: { id: created.id } });
  });

  it("update of a missing record is a 404", async () => {
    const error = await caught(
      db.dataSource.update(task, { id: 999_999 }, { ...noWrites, scalars: { title: "x" } }),
    );
    expect(error.code).toBe("not_found");
    expect(error.status).toBe(404);
  });

  it("a duplicate unique value is a 409 naming the field", async () => {
    const error = await caught(
      db.dataSource.create(db.model("Organization"), {
        ...noWrites,
        scalars: { name: "Other", slug: "acme" },
      }),
    );
    expect(error.code).toBe("unique_violation");
    expect(error.status).toBe(409);
    expect(error.fields).toEqual({ slug: "Another organization already has this slug" });
    expect(error.message).not.toMatch(/prisma|constraint|sqlite/i);
  });

  it("a reference to a missing record is a 422 on that field", async () => {
    const byKey = await caught(
      db.dataSource.create(task, { ...noWrites, scalars: { title: "Orphan", projectId: "missing" } }),
    );
    expect(byKey.code).toBe("foreign_key_violation");
    expect(byKey.status).toBe(422);
    expect(byKey.fields).toMatchObject({
      project: "No project has this id",
      projectId: "No project has this id",
    });

    const byConnect = await caught(
      db.dataSource.create(task, {
        scalars: { title: "Orphan", projectId: ids.website },
        connect: { assignee: { id: "missing" } },
        setMany: {},
      }),
    );
    expect(byConnect.status).toBe(422);
    expect(byConnect.fields).toEqual({ assignee: "No user has this id" });

    const bySet = await caught(
      db.dataSource.update(
        task,
        { id: ids.fixLogin },
        { ...noWrites, setMany: { labels: [{ id: 424_242 }] } },
      ),
    );
    expect(bySet.status).toBe(422);
    expect(Object.keys(bySet.fields ?? {})).toEqual(["labels"]);
    expect(await db.client.task.count({ where: { title: "Orphan" } })).toBe(0);
  });

  it("clearing a required relation is refused with a 422 on the field", async () => {
    const error = await caught(
      db.dataSource.update(task, { id: ids.fixLogin }, { ...noWrites, connect: { project: null } }),
    );
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {})).toEqual(["project"]);
  });

  it("writes models addressed by a compound unique (no @id)", async () => {
    const setting = db.model("OrgSetting");
    const created = await db.dataSource.create(setting, {
      scalars: { key: "theme", value: "dark" },
      connect: { org: { id: ids.acme } },
      setMany: {},
    });
    expect(created).toMatchObject({ orgId: ids.acme, key: "theme", value: "dark", org: { name: "Acme" } });
    const id = { orgId: ids.acme, key: "theme" };
    const updated = await db.dataSource.update(setting, id, { ...noWrites, scalars: { value: "light" } });
    expect(updated.value).toBe("light");
    expect(await db.dataSource.get(setting, id)).toMatchObject({ value: "light" });

    const duplicate = await caught(
      db.dataSource.create(setting, { ...noWrites, scalars: { orgId: ids.acme, key: "theme", value: "x" } }),
    );
    expect(duplicate.code).toBe("unique_violation");
    expect(Object.keys(duplicate.fields ?? {}).sort()).toEqual(["key", "orgId"]);

    await db.dataSource.delete(setting, id);
    expect(await db.dataSource.get(setting, id)).toBeNull();
    expect((await caught(db.dataSource.delete(setting, id))).code).toBe("not_found");
  });
});

describe("deletes", () => {
  it("preview lists what cascades, transitively, and what is set to null", async () => {
    const preview = await db.dataSource.deletePreview(db.model("Organization"), { id: ids.acme });
    expect(preview.canDelete).toBe(true);
    expect(preview.blockers).toEqual([]);
    const cascades = Object.fromEntries(
      preview.cascades.map((group) => [`${group.model}.${group.via}`, group]),
    );
    expect(cascades["project.org"]).toMatchObject({ label: "Projects", count: 1, examples: ["Website"] });
    expect(cascades["task.project"]).toMatchObject({ label: "Tasks", count: 3 });
    expect(cascades["task.project"]?.examples).toEqual(["Fix login", "Write docs", "fix typo"]);
    // Subtasks of deleted tasks lose their parent, even though they are deleted too.
    expect(preview.setNull.map((group) => `${group.model}.${group.via}`)).toEqual(["task.parent"]);

    const userPreview = await db.dataSource.deletePreview(db.model("User"), { id: ids.ann });
    expect(userPreview.setNull).toEqual([
      { model: "task", label: "Tasks", via: "assignee", count: 2, examples: ["Fix login", "Ship app"] },
    ]);
    expect(userPreview.cascades).toEqual([]);
  });

  it("preview of a missing record is a 404", async () => {
    const error = await caught(db.dataSource.deletePreview(task, { id: 999_999 }));
    expect(error.code).toBe("not_found");
  });

  it("delete cascades and sets null as the preview said", async () => {
    const parent = await db.client.task.create({ data: { title: "Parent", projectId: ids.mobile } });
    const child = await db.client.task.create({
      data: { title: "Child", projectId: ids.mobile, parentId: parent.id },
    });
    await db.dataSource.delete(task, { id: parent.id });
    expect(await db.client.task.findUnique({ where: { id: child.id } })).toMatchObject({ parentId: null });
    await db.client.task.delete({ where: { id: child.id } });
  });

  it("deleteMany is all or nothing", async () => {
    const label = db.model("Label");
    const a = await db.client.label.create({ data: { name: "a" } });
    const b = await db.client.label.create({ data: { name: "b" } });
    const error = await caught(db.dataSource.deleteMany(label, [{ id: a.id }, { id: 999_999 }]));
    expect(error.code).toBe("not_found");
    expect(await db.client.label.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);
    expect(await db.dataSource.deleteMany(label, [{ id: a.id }, { id: b.id }, { id: a.id }])).toBe(2);
    expect(await db.client.label.count({ where: { id: { in: [a.id, b.id] } } })).toBe(0);
  });
});

describe("counts", () => {
  it("are exact up to the bound and estimates beyond it", async () => {
    const bounded = await openTestDatabase("saas", { dataSource: { maxExactCount: 2 } });
    try {
      const org = bounded.model("Organization");
      for (const slug of ["a", "b", "c"])
        await bounded.client.organization.create({ data: { name: slug, slug } });
      expect(await bounded.dataSource.count(org)).toEqual({ total: 2, isEstimate: true });
      const listed = await bounded.dataSource.list(org, query());
      expect(listed.rows).toHaveLength(3);
      expect(listed).toMatchObject({ total: 2, totalIsEstimate: true });
      const filtered = await bounded.dataSource.list(org, query({ search: "a" }));
      expect(filtered).toMatchObject({ total: 1, totalIsEstimate: false });
      expect(await bounded.dataSource.count(bounded.model("User"))).toEqual({ total: 0, isEstimate: false });
    } finally {
      await bounded.close();
    }
  });
});
