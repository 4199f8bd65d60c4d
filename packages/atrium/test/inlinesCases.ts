/**
 * Inlines through the HTTP API (config `models.<Parent>.inlines`): a project saved with its tasks in one body,
 * one transaction and one audit entry per record; conflicts, validation keys and permission refusals named by
 * row. inlines.test.ts runs them on SQLite, inlines.postgres.test.ts on PostgreSQL, inlines.mariadb.test.ts on
 * MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkModelsConfig } from "../src/config/checkModelsConfig.js";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi, type TestProvider } from "./openTestApi.js";
import { testSchemaPath } from "./schemaPaths.js";

// biome-ignore lint/suspicious/noExplicitAny: rows are JSON read back from the API.
type Row = any;

const models = {
  Project: {
    inlines: [{ relation: "tasks", fields: ["title", "status", "dueAt"], ordering: ["title"], max: 4 }],
  },
};

export function describeInlines(provider: TestProvider) {
  describe(`inlines (saas.prisma, ${provider})`, () => {
    let api: TestApi;
    let org: Row;
    let projects = 0;

    /** A project with tasks `titles`, created in one body; resolves the project and its task rows. */
    const createProject = async (titles: string[]) => {
      projects += 1;
      const res = await api.post("/api/records/project", {
        title: `Project ${projects}`,
        org: org.$id,
        $inlines: { tasks: titles.map((title) => ({ title })) },
      });
      expectStatus(res, 201);
      return { project: res.body.data as Row, tasks: await tasksOf(res.body.data) };
    };
    const tasksOf = async (project: Row): Promise<Row[]> => {
      const res = await api.get(`/api/records/project/${project.$id}/inlines`);
      expectStatus(res, 200);
      return res.body.data.tasks.rows;
    };
    const projectOf = async (project: Row): Promise<Row> =>
      (await api.get(`/api/records/project/${project.$id}`)).body.data;
    const historyOf = async (model: string, id: string): Promise<Row[]> =>
      (await api.get(`/api/records/${model}/${id}/history`)).body.data;

    beforeAll(async () => {
      api = await openTestApi(testSchemaPath("saas"), {
        provider,
        configure: (schema) => {
          const checked = checkModelsConfig(models, schema);
          if (checked.checks.length > 0) throw new Error(checked.checks[0]?.message);
          return checked.schema;
        },
      });
      const res = await api.post("/api/records/organization", {
        name: "Inlines",
        slug: `inlines-${provider}`,
      });
      expectStatus(res, 201);
      org = res.body.data;
    }, 180_000);
    afterAll(async () => {
      await api?.close();
    });

    it("creates a project with its tasks in one body, and answers them in the inline's ordering", async () => {
      const { project, tasks } = await createProject(["Write", "Plan"]);
      expect(project.tasks).toBe(2);
      expect(tasks.map((task) => task.title)).toEqual(["Plan", "Write"]);
      expect(tasks.every((task) => task.project.$id === project.$id)).toBe(true);
      const meta = (await api.get("/api/meta")).body.models.find((model: Row) => model.key === "project");
      expect(meta.admin.inlines[0]).toMatchObject({ relation: "tasks", model: "task", backField: "project" });
    });

    it("adds, changes and removes rows in one save, with one history entry per record written", async () => {
      const { project, tasks } = await createProject(["Alpha", "Beta"]);
      const [alpha, beta] = tasks;
      const res = await api.patch(`/api/records/project/${project.$id}`, {
        $version: project.$version,
        description: "Edited with its tasks",
        $inlines: {
          tasks: [
            { title: "Gamma", status: "IN_PROGRESS" },
            { $id: alpha.$id, $version: alpha.$version, status: "DONE" },
            { $id: beta.$id, $version: beta.$version, $delete: true },
          ],
        },
      });
      expectStatus(res, 200);
      expect(res.body.data).toMatchObject({ description: "Edited with its tasks", tasks: 2 });
      const after = await tasksOf(project);
      expect(after.map((task) => [task.title, task.status])).toEqual([
        ["Alpha", "DONE"],
        ["Gamma", "IN_PROGRESS"],
      ]);
      expect((await historyOf("project", project.$id)).map((entry) => entry.action)).toEqual([
        "update",
        "create",
      ]);
      expect((await historyOf("task", alpha.$id))[0].changes).toEqual({
        status: { old: "TODO", new: "DONE" },
      });
      expect((await historyOf("task", beta.$id))[0].action).toBe("delete");
      const gamma = after.find((task) => task.title === "Gamma");
      expect((await historyOf("task", gamma.$id)).map((entry) => entry.action)).toEqual(["create"]);
    });

    it("records a save as one change of the project, and its revert undoes every row saved with it", async () => {
      const { project, tasks } = await createProject(["One", "Two"]);
      const [one, two] = tasks;
      // A subtask of Two: removing Two clears its reference (SetNull), which the revert must put back too.
      const sub = await api.post("/api/records/task", {
        title: "Two, part a",
        project: project.$id,
        parent: two.$id,
      });
      expectStatus(sub, 201);
      const res = await api.patch(`/api/records/project/${project.$id}`, {
        $version: project.$version,
        description: "Saved together",
        $inlines: {
          tasks: [
            { title: "Three" },
            { $id: one.$id, $version: one.$version, status: "DONE" },
            { $id: two.$id, $version: two.$version, $delete: true },
          ],
        },
      });
      expectStatus(res, 200);
      const [save] = await historyOf("project", project.$id);
      expect(save.action).toBe("update");
      expect(save.caused).toBe(3);
      const rows: Row[] = (await api.get(`/api/history?cause=${save.id}`)).body.data;
      expect(rows.map((row) => `${row.action} ${row.model}`).sort()).toEqual([
        "create task",
        "delete task",
        "update task",
      ]);
      // What users did themselves lists the save once, not its rows.
      const top: string[] = (await api.get("/api/history?top=true&limit=200")).body.data.map(
        (e: Row) => e.id,
      );
      expect(top).toContain(save.id);
      expect(rows.filter((row) => top.includes(row.id))).toEqual([]);

      const reverted = await api.post(`/api/history/${save.id}/revert`, {});
      expectStatus(reverted, 200);
      expect(reverted.body.data.entry).toMatchObject({ action: "revert", revertOf: save.id, caused: 3 });
      expect((await projectOf(project)).description ?? null).toBe(project.description ?? null);
      const after = await tasksOf(project);
      expect(after.map((task) => [task.title, task.status])).toEqual([
        ["One", "TODO"],
        ["Two", "TODO"],
        ["Two, part a", "TODO"],
      ]);
      expect(after.find((task) => task.title === "Two")?.$id).toBe(two.$id);
      const part = (await api.get(`/api/records/task/${sub.body.data.$id}`)).body.data;
      expect(part.parent?.$id).toBe(two.$id);
    });

    it("refuses to revert a save when a row saved with it changed since, and undoes nothing", async () => {
      const { project, tasks } = await createProject(["Four"]);
      const [four] = tasks;
      const res = await api.patch(`/api/records/project/${project.$id}`, {
        $version: project.$version,
        description: "Then a row changed",
        $inlines: { tasks: [{ title: "Five" }, { $id: four.$id, $version: four.$version, status: "DONE" }] },
      });
      expectStatus(res, 200);
      const five = (await tasksOf(project)).find((task) => task.title === "Five");
      expectStatus(
        await api.patch(`/api/records/task/${five.$id}`, { $version: five.$version, status: "DONE" }),
        200,
      );
      const [save] = await historyOf("project", project.$id);
      const refusal = expectApiError(await api.post(`/api/history/${save.id}/revert`, {}), 409, "conflict");
      expect(refusal.message).toMatch(/saved with it .*changed since/);
      expect((await projectOf(project)).description).toBe("Then a row changed");
      expect((await tasksOf(project)).map((task) => [task.title, task.status])).toEqual([
        ["Five", "DONE"],
        ["Four", "DONE"],
      ]);
    });

    it("answers a stale row with 409 naming it, and leaves the parent and the other rows unchanged", async () => {
      const { project, tasks } = await createProject(["Stale"]);
      const [stale] = tasks;
      expectStatus(
        await api.patch(`/api/records/task/${stale.$id}`, {
          $version: stale.$version,
          title: "Changed elsewhere",
        }),
        200,
      );
      const res = await api.patch(`/api/records/project/${project.$id}`, {
        $version: project.$version,
        title: "Not saved",
        $inlines: {
          tasks: [{ title: "Not added" }, { $id: stale.$id, $version: stale.$version, status: "DONE" }],
        },
      });
      expectApiError(res, 409, "conflict");
      expect(res.body.error.details).toMatchObject({ inline: "tasks", row: 1, $id: stale.$id });
      expect(res.body.error.details.current.title).toBe("Changed elsewhere");
      expect((await projectOf(project)).title).toBe(project.title);
      expect((await tasksOf(project)).map((task) => [task.title, task.status])).toEqual([
        ["Changed elsewhere", "TODO"],
      ]);
      expect((await historyOf("project", project.$id)).map((entry) => entry.action)).toEqual(["create"]);
    });

    it("answers invalid rows with 422 keyed by row and field, writing nothing", async () => {
      const { project } = await createProject(["Kept"]);
      const res = await api.patch(`/api/records/project/${project.$id}`, {
        title: "",
        $inlines: {
          tasks: [
            { title: "Fine" },
            { title: "Bad", status: "LATER" },
            { status: "DONE" },
            { title: "X", orgId: 1 },
          ],
        },
      });
      expectApiError(res, 422, "validation_failed", [
        "$inlines.tasks.1.status",
        "$inlines.tasks.2.title",
        "$inlines.tasks.3.orgId",
      ]);
      expect(res.body.error.fields["$inlines.tasks.0.title"]).toBeUndefined();
      expect((await tasksOf(project)).map((task) => task.title)).toEqual(["Kept"]);
      expectApiError(
        await api.post("/api/records/project", { title: "P", org: org.$id, $inlines: { subtasks: [] } }),
        422,
        "validation_failed",
        ["$inlines.subtasks"],
      );
    });

    it("refuses more rows than max, and a row of another project, with nothing written", async () => {
      const { project } = await createProject(["One", "Two", "Three"]);
      const tooMany = await api.patch(`/api/records/project/${project.$id}`, {
        title: "Too many",
        $inlines: { tasks: [{ title: "Four" }, { title: "Five" }] },
      });
      expectApiError(tooMany, 422, "validation_failed", ["$inlines.tasks"]);
      expect(tooMany.body.error.message).toContain("at most 4");
      expect((await projectOf(project)).title).toBe(project.title);
      const other = await createProject(["Elsewhere"]);
      const foreign = await api.patch(`/api/records/project/${project.$id}`, {
        $inlines: { tasks: [{ $id: other.tasks[0].$id, $delete: true }] },
      });
      expectApiError(foreign, 422, "validation_failed", ["$inlines.tasks.0.$id"]);
      expect(await tasksOf(other.project)).toHaveLength(1);
    });

    it("refuses with 403 the rows a user may not add, change or delete, and the inline without view", async () => {
      const { project, tasks } = await createProject(["Guarded"]);
      const viewer = await api.userSession(`inline-viewer-${provider}@test.atrium`, {
        permissions: ["model:project:view", "model:project:change", "model:task:view", "model:task:change"],
      });
      const added = await viewer.patch(`/api/records/project/${project.$id}`, {
        $inlines: { tasks: [{ title: "Sneaked in" }] },
      });
      expectApiError(added, 403, "forbidden");
      expect(added.body.error.message).toContain("may not add tasks");
      expectApiError(
        await viewer.patch(`/api/records/project/${project.$id}`, {
          $inlines: { tasks: [{ $id: tasks[0].$id, $delete: true }] },
        }),
        403,
        "forbidden",
      );
      const changed = await viewer.patch(`/api/records/project/${project.$id}`, {
        $inlines: { tasks: [{ $id: tasks[0].$id, title: "Renamed" }] },
      });
      expectStatus(changed, 200);
      const inlines = await viewer.get(`/api/records/project/${project.$id}/inlines`);
      expect(inlines.body.data.tasks.permissions).toEqual({ add: false, change: true, delete: false });
      const blind = await api.userSession(`inline-blind-${provider}@test.atrium`, {
        permissions: ["model:project:view", "model:project:change"],
      });
      expectApiError(
        await blind.patch(`/api/records/project/${project.$id}`, { $inlines: { tasks: [] } }),
        403,
        "forbidden",
      );
      expect((await blind.get(`/api/records/project/${project.$id}/inlines`)).body.data).toEqual({});
      const blindMeta = (await blind.get("/api/meta")).body.models.find(
        (model: Row) => model.key === "project",
      );
      expect(blindMeta.admin?.inlines).toBeUndefined();
      expect((await tasksOf(project)).map((task) => task.title)).toEqual(["Renamed"]);
    });
  });
}
