import type { Principal } from "@atrium/auth";
import {
  AtriumError,
  decodeWrite,
  findModelByKey,
  type ModelMeta,
  parseListQuery,
  serializeRow,
} from "@atrium/core";
import { describe, expect, it } from "vitest";
import { schemaFixture } from "../testing/schemaFixture.js";
import { createAccess } from "./requestAccess.js";
import { buildSchemaView, viewCacheKey } from "./schemaView.js";

const superuser: Principal = {
  userId: "1",
  email: "root@example.com",
  isSuperuser: true,
  isActive: true,
  roles: [],
  permissions: new Set(),
};

const schema = schemaFixture();
const book = findModelByKey(schema, "book") as ModelMeta;
const names = (model: ModelMeta | undefined) => model?.fields.map((field) => field.name);
// `title` is required without a default: hidden, nobody could create a book; write-only, anyone allowed can.
const writeOnlyTitle = { models: { book: { title: "writeOnly" as const } } };

describe("buildSchemaView", () => {
  it("keeps a write-only field out of the read view, lists it apart, and keeps it in the write view", () => {
    const view = buildSchemaView(schema, superuser, writeOnlyTitle);
    const read = findModelByKey(view.schema, "book");
    expect(names(read)).toEqual(["id", "pages", "authorId", "author"]);
    expect(read?.writeOnlyFields?.map((field) => field.name)).toEqual(["title"]);
    expect(read?.searchFields).toEqual([]);
    expect(read?.titleField).toBe("id");
    expect(names(findModelByKey(view.writeSchema, "book"))).toEqual([
      "id",
      "title",
      "pages",
      "authorId",
      "author",
    ]);
    expect(view.hidden.get("book")).toEqual(new Set(["title"]));
    expect(view.writeOnly.get("book")).toEqual(new Set(["title"]));
    expect(findModelByKey(view.schema, "author")?.writeOnlyFields).toBeUndefined();
  });

  it("keeps each index only up to its first hidden field, so no hidden name reaches the metadata", () => {
    const indexed: ModelMeta = {
      ...book,
      indexes: [
        { fields: ["id"], kind: "id" },
        { fields: ["title", "pages"], kind: "normal" },
        { fields: ["pages", "title", "authorId"], kind: "normal" },
      ],
    };
    const view = buildSchemaView({ ...schema, models: [indexed] }, superuser, writeOnlyTitle);
    expect(findModelByKey(view.schema, "book")?.indexes).toEqual([
      { fields: ["id"], kind: "id" },
      { fields: ["pages"], kind: "normal" },
    ]);
  });

  it("reads nothing of a write-only field: rows, filters and sorts refuse or omit it", () => {
    const access = createAccess(superuser, buildSchemaView(schema, superuser, writeOnlyTitle));
    const row = access.serialize(book, { id: 1, title: "secret text", pages: 3, authorId: 2 });
    expect(row).not.toHaveProperty("title");
    expect(JSON.stringify(row)).not.toContain("secret text");
    const visible = access.viewModel(book);
    for (const query of ["filter.title.eq=x", "sort=title"]) {
      expect(() => parseListQuery(access.view.schema, visible, new URLSearchParams(query))).toThrow(/title/);
    }
    expect(serializeRow(access.view.schema, visible, { id: 1, title: "x", authorId: 2 }).$label).toBe("1");
  });

  it("decodes a write-only field in writes, required on create when the schema requires it", () => {
    const access = createAccess(superuser, buildSchemaView(schema, superuser, writeOnlyTitle));
    const write = access.writeModel(book);
    expect(
      decodeWrite(access.view.writeSchema, write, { title: "t", authorId: 2 }, "create").scalars,
    ).toEqual({
      title: "t",
      authorId: 2,
    });
    expect(() => decodeWrite(access.view.writeSchema, write, { authorId: 2 }, "create")).toThrow(
      expect.objectContaining({ fields: { title: "This field is required" } }),
    );
    expect(decodeWrite(access.view.writeSchema, write, { pages: 4 }, "update").scalars).toEqual({ pages: 4 });
    expect(access.hiddenRequired(book)).toEqual([]);
  });

  it("still counts a hidden (not write-only) required field as blocking creates, and refuses writing it", () => {
    const access = createAccess(
      superuser,
      buildSchemaView(schema, superuser, { models: { book: { title: "hidden" } } }),
    );
    expect(access.hiddenRequired(book).map((field) => field.label)).toEqual(["Title"]);
    expect(access.viewModel(book).writeOnlyFields).toBeUndefined();
    expect(() =>
      decodeWrite(access.view.writeSchema, access.writeModel(book), { title: "t", authorId: 2 }, "create"),
    ).toThrow(expect.objectContaining({ fields: { title: "Unknown field" } }));
  });

  it("drops a write-only value from a conflict's current row", () => {
    const access = createAccess(superuser, buildSchemaView(schema, superuser, writeOnlyTitle));
    const conflict = new AtriumError("conflict", "stale", {
      details: { current: { $id: "1", title: "secret text", pages: 3 } },
    });
    const redacted = access.redactError(book, conflict) as AtriumError;
    expect(redacted.details).toEqual({ current: { $id: "1", pages: 3 } });
  });

  it("reduces a model the principal may not view to its identity: paths through it are unknown, labels are ids", () => {
    const bookViewer: Principal = {
      ...superuser,
      isSuperuser: false,
      permissions: new Set(["model:book:view"]),
    };
    const access = createAccess(bookViewer, buildSchemaView(schema, bookViewer, {}));
    const author = access.view.schema.models.find((model) => model.key === "author");
    expect(names(author)).toEqual(["id"]);
    expect(author).toMatchObject({ titleField: "id", searchFields: [] });
    for (const query of ["filter.author.name.startsWith=a", "sort=author.name"]) {
      expect(() =>
        parseListQuery(access.view.schema, access.viewModel(book), new URLSearchParams(query)),
      ).toThrow(/Unknown field 'name'/);
    }
    const row = access.serialize(book, {
      id: 1,
      title: "Dune",
      authorId: 7,
      author: { id: 7, name: "Frank" },
    });
    expect(row.author).toEqual({ $id: "7", $label: "7" });
    // A compound identity labels by all of its parts.
    expect(findModelByKey(access.view.schema, "order-line")).toMatchObject({
      titleField: "orderCode",
      titleParts: ["orderCode", "sku"],
      searchFields: [],
    });
    // Whoever may add one still fills in its form.
    expect(names(findModelByKey(access.view.writeSchema, "author"))).toContain("name");
    expect(access.hiddenRequired(findModelByKey(schema, "author") as ModelMeta)).toEqual([]);
  });

  it("hides a relation with its key and its other end, for reading and writing", () => {
    const view = buildSchemaView(schema, superuser, { models: { book: { authorId: "hidden" } } });
    expect(names(findModelByKey(view.schema, "book"))).not.toContain("author");
    expect(names(findModelByKey(view.writeSchema, "book"))).not.toContain("author");
    expect(names(findModelByKey(view.schema, "author"))).not.toContain("books");
    expect(view.hidden.get("book")).toEqual(new Set(["authorId", "author"]));
  });

  it("caches views by roles and permissions: a role's new permissions make a new view", () => {
    const user = (permissions: string[]): Principal => ({
      ...superuser,
      isSuperuser: false,
      roles: ["staff"],
      permissions: new Set(permissions),
    });
    expect(viewCacheKey(user(["model:book:view"]))).not.toBe(viewCacheKey(user(["model:author:view"])));
    expect(viewCacheKey(user(["a", "b"]))).toBe(viewCacheKey(user(["b", "a"])));
    expect(viewCacheKey(superuser)).toBe(viewCacheKey({ ...superuser, roles: ["x"] }));
  });
});
