/**
 * What the config's per-model options make the server do (ModelMeta.admin, set by the atrium package from
 * `models` in atrium.config.ts): a hidden model does not exist for any route, an action turned off is refused
 * for everyone, read-only fields are refused in writes, and the default ordering and page size apply.
 */
import type { ListQuery, ModelMeta, SchemaMeta } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { fakeDataSource } from "../testing/fakeDataSource.js";
import { schemaFixture } from "../testing/schemaFixture.js";
import { signedInApp } from "../testing/signedInApp.js";
import { jsonRequest, testApp } from "../testing/testApp.js";

/** The fixture schema with `change` applied to the model named `name`. */
function configured(name: string, change: (model: ModelMeta) => ModelMeta): SchemaMeta {
  const schema = schemaFixture();
  return { ...schema, models: schema.models.map((model) => (model.name === name ? change(model) : model)) };
}

const dune = { id: 1, title: "Dune", pages: 412, authorId: 7, author: { id: 7, name: "Frank Herbert" } };

describe("models.<Model>.hidden", () => {
  const schema = configured("Author", (model) => ({ ...model, admin: { hidden: true } }));

  it("answers 404 on every route of the model, as for a model that does not exist, and never suggests it", async () => {
    const { app } = testApp(fakeDataSource(), { schema });
    for (const [path, init] of [
      ["/api/records/author", {}],
      ["/api/records/author/1", {}],
      ["/api/records/author", jsonRequest("POST", { name: "X" })],
      ["/api/records/author/1", { method: "DELETE" }],
      ["/api/lookup/author", {}],
      ["/api/records/author/1/delete-preview", {}],
    ] as const) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error).toEqual({
        code: "unknown_model",
        message: "No model has the key 'author'",
      });
    }
    const typo = await app.request("/api/records/authr");
    expect((await typo.json()).error.message).toBe("No model has the key 'authr'");
  });

  it("is left out of the metadata and the counts, for signed-in users too", async () => {
    const counted: string[] = [];
    const dataSource = fakeDataSource({
      count: async (model) => {
        counted.push(model.key);
        return { total: 1, isEstimate: false };
      },
    });
    const { app, signIn } = await signedInApp([{ email: "root@x.test", isSuperuser: true }], dataSource, {
      schema,
    });
    const headers = { Cookie: await signIn("root@x.test") };
    const meta = await (await app.request("/api/meta", { headers })).json();
    expect(meta.models.map((model: ModelMeta) => model.key)).toEqual(["book", "order-line"]);
    const counts = await (await app.request("/api/counts", { headers })).json();
    expect(Object.keys(counts.data)).toEqual(["book", "order-line"]);
    expect(counted).toEqual(["book", "order-line"]);
  });
});

describe("models.<Model>.actions", () => {
  const schema = configured("Book", (model) => ({
    ...model,
    admin: { actions: { add: false, change: true, delete: false } },
  }));

  it("refuses what is turned off with 403 and says the config turned it off, even for a superuser", async () => {
    const { app, signIn } = await signedInApp(
      [{ email: "root@x.test", isSuperuser: true }],
      fakeDataSource(),
      {
        schema,
      },
    );
    const headers = { Cookie: await signIn("root@x.test"), Origin: "http://localhost" };
    const created = await app.request(
      "/api/records/book",
      jsonRequest("POST", { title: "X", authorId: 7 }, headers),
    );
    expect(created.status).toBe(403);
    expect((await created.json()).error).toEqual({
      code: "forbidden",
      message:
        "Books cannot be added in this admin: its configuration turns that off (models.Book.actions.add)",
    });
    const deleted = await app.request("/api/records/book/1", { method: "DELETE", headers });
    expect(deleted.status).toBe(403);
    expect((await deleted.json()).error.message).toContain("models.Book.actions.delete");
    const bulk = await app.request(
      "/api/records/book/delete-many",
      jsonRequest("POST", { ids: ["1"] }, headers),
    );
    expect(bulk.status).toBe(403);
    const meta = await (await app.request("/api/meta", { headers })).json();
    const book = meta.models.find((model: ModelMeta) => model.key === "book");
    expect(book.permissions).toMatchObject({ view: true, add: false, change: true, delete: false });
  });

  it("refuses it without sign-in too", async () => {
    const { app } = testApp(fakeDataSource(), { schema });
    expect((await app.request("/api/records/book", jsonRequest("POST", { title: "X" }))).status).toBe(403);
  });

  it("refuses a delete that would take records of a model whose delete is turned off", async () => {
    let context: { mayDelete?: (key: string) => boolean } | undefined;
    const { app } = testApp(
      fakeDataSource({
        delete: async (_model, _id, given) => {
          context = given;
        },
      }),
      { schema },
    );
    expect((await app.request("/api/records/author/7", { method: "DELETE" })).status).toBe(204);
    expect(context?.mayDelete?.("book")).toBe(false);
    expect(context?.mayDelete?.("author")).toBe(true);
  });
});

describe("read-only fields, the default ordering and page size", () => {
  const schema = configured("Book", (model) => ({
    ...model,
    fields: model.fields.map((field) => (field.name === "pages" ? { ...field, isReadOnly: true } : field)),
    admin: { list: { ordering: ["-pages", "title"], perPage: 50 } },
  }));

  it("refuses a write to a read-only field with 422 on that field", async () => {
    const { app } = testApp(fakeDataSource(), { schema });
    const res = await app.request("/api/records/book/1", jsonRequest("PATCH", { pages: 3 }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual({ pages: expect.stringMatching(/read-only/i) });
  });

  it("sorts by the configured ordering (then the id) and pages by the configured size when the URL says neither", async () => {
    const queries: ListQuery[] = [];
    const { app } = testApp(
      fakeDataSource({
        list: async (_model, query) => {
          queries.push(query);
          return { rows: [dune], total: 1, totalIsEstimate: false };
        },
      }),
      { schema },
    );
    await app.request("/api/records/book");
    await app.request("/api/records/book?sort=title&perPage=10");
    expect(queries[0]?.sort).toEqual([
      { path: ["pages"], direction: "desc" },
      { path: ["title"], direction: "asc" },
      { path: ["id"], direction: "asc" },
    ]);
    expect(queries[0]?.perPage).toBe(50);
    expect(queries[1]?.sort.map((entry) => entry.path.join("."))).toEqual(["title", "id"]);
    expect(queries[1]?.perPage).toBe(10);
  });
});
