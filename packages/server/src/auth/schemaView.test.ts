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
import { buildSchemaView } from "./schemaView.js";

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
});
