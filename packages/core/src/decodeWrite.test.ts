import { describe, expect, it } from "vitest";
import { decodeWrite } from "./decodeWrite.js";
import { AtriumError } from "./errors.js";
import {
  autoId,
  book,
  country,
  model,
  orderItem,
  relation,
  scalar,
  schema,
  shipment,
  tag,
} from "./testing/fixtures.js";

const validBook = { title: "Dune", price: "9.99", format: "PAPERBACK", keywords: [], author: "3" };

function refused(body: unknown, mode: "create" | "update" = "create", model = book) {
  try {
    decodeWrite(schema, model, body, mode);
  } catch (error) {
    if (error instanceof AtriumError)
      return { code: error.code, status: error.status, fields: { ...error.fields } };
    throw error;
  }
  throw new Error("expected the write to be refused");
}

describe("decodeWrite", () => {
  it("decodes scalars, connects to-one relations and replaces many-to-many sets", () => {
    const data = decodeWrite(
      schema,
      book,
      {
        ...validBook,
        stock: "12",
        publishedAt: "2024-05-01T13:45:00Z",
        cover: "AP8Q",
        editor: null,
        tags: ["t1", "t2", "t1"],
        $id: "9",
        $label: "Dune",
      },
      "create",
    );
    expect(data).toEqual({
      scalars: {
        title: "Dune",
        price: "9.99",
        format: "PAPERBACK",
        keywords: [],
        stock: 12n,
        publishedAt: new Date("2024-05-01T13:45:00Z"),
        cover: new Uint8Array([0, 255, 16]),
      },
      connect: { author: { id: 3 }, editor: null },
      setMany: { tags: [{ id: "t1" }, { id: "t2" }] },
    });
  });

  it("accepts the foreign-key scalar instead of the relation", () => {
    const { author: _omitted, ...withoutAuthor } = validBook;
    const data = decodeWrite(schema, book, { ...withoutAuthor, authorId: 3 }, "create");
    expect(data.scalars.authorId).toBe(3);
    expect(data.connect).toEqual({});
  });

  it("connects a record with a composite id", () => {
    const data = decodeWrite(schema, shipment, { carrier: "UPS", item: "o%2C1,7" }, "create");
    expect(data.connect).toEqual({ item: { orderId: "o,1", bookId: 7 } });
  });

  it("reports every problem of a body at once", () => {
    expect(
      refused({
        ...validBook,
        pages: "many",
        format: "VINYL",
        nope: 1,
        id: 5,
        updatedAt: "2024-01-01T00:00:00Z",
      }),
    ).toEqual({
      code: "validation_failed",
      status: 422,
      fields: {
        pages: "Expected a whole number between -2147483648 and 2147483647",
        format: "Expected one of: HARDCOVER, PAPERBACK, EBOOK",
        nope: "Unknown field",
        id: "This field is read-only",
        updatedAt: "This field is read-only",
      },
    });
  });

  it("requires required fields on create, reporting a missing foreign key on its relation", () => {
    expect(refused({}).fields).toEqual({
      title: "This field is required",
      price: "This field is required",
      format: "This field is required",
      author: "This field is required",
    });
    expect(refused({}, "create", orderItem).fields).toEqual({
      order: "This field is required",
      book: "This field is required",
    });
  });

  it("lets an update change only some fields", () => {
    expect(decodeWrite(schema, book, { title: "Dune Messiah" }, "update")).toEqual({
      scalars: { title: "Dune Messiah" },
      connect: {},
      setMany: {},
    });
    expect(decodeWrite(schema, book, {}, "update")).toEqual({ scalars: {}, connect: {}, setMany: {} });
  });

  it("refuses null on required fields and relations in both modes, and clears optional ones", () => {
    expect(refused({ title: null, author: null }, "update").fields).toEqual({
      title: "This field is required",
      author: "This field is required",
    });
    expect(decodeWrite(schema, book, { isbn: null, editor: null }, "update")).toEqual({
      scalars: { isbn: null },
      connect: { editor: null },
      setMany: {},
    });
  });

  it("takes a to-one relation as the related record a row carries, { $id, $label }", () => {
    const data = decodeWrite(
      schema,
      book,
      { ...validBook, author: { $id: "3", $label: "Frank Herbert" } },
      "create",
    );
    expect(data.connect).toEqual({ author: { id: 3 } });
    expect(refused({ ...validBook, author: { $label: "Frank Herbert" } }).fields).toEqual({
      author: "Expected an id of Author",
    });
    // Other keys would be a nested write of the author, which is not supported.
    expect(refused({ ...validBook, author: { $id: "3", name: "Frank" } }).fields).toEqual({
      author: "Expected an id of Author",
    });
  });

  it("accepts a relation with its foreign key when both designate the same record, as a row read back", () => {
    const data = decodeWrite(
      schema,
      book,
      { ...validBook, author: { $id: "3", $label: "F" }, authorId: 3, editor: null, editorId: null },
      "update",
    );
    expect(data.connect).toEqual({ author: { id: 3 }, editor: null });
    expect(data.scalars).not.toHaveProperty("authorId");
    expect(data.scalars).not.toHaveProperty("editorId");
    const composite = decodeWrite(
      schema,
      shipment,
      { carrier: "UPS", item: "o%2C1,7", itemOrderId: "o,1", itemBookId: 7 },
      "create",
    );
    expect(composite).toEqual({
      scalars: { carrier: "UPS" },
      connect: { item: { orderId: "o,1", bookId: 7 } },
      setMany: {},
    });
  });

  it("refuses a relation and a foreign key that disagree, on the relation field only", () => {
    const message = "Names another author than authorId; give one of them, or both for the same record";
    expect(refused({ ...validBook, authorId: 4 })).toEqual({
      code: "validation_failed",
      status: 422,
      fields: { author: message },
    });
    expect(refused({ ...validBook, editor: null, editorId: 4 }, "update").fields).toEqual({
      editor: "Names another author than editorId; give one of them, or both for the same record",
    });
    expect(refused({ carrier: "UPS", item: "o,7", itemBookId: 8 }, "create", shipment).fields).toEqual({
      item: "Names another order item than itemBookId; give one of them, or both for the same record",
    });
    // A key that fails to decode is reported on its own, without a second complaint on the relation.
    expect(refused({ ...validBook, authorId: "x" }).fields).toEqual({
      authorId: "Expected a whole number between -2147483648 and 2147483647",
    });
  });

  it("refuses a relation with its foreign key when the key references another unique than the id", () => {
    const review = model("Review", [
      autoId(),
      scalar("authorEmail", "String", { isForeignKey: true }),
      relation("author", "Author", {
        name: "ReviewAuthor",
        fromFields: ["authorEmail"],
        toFields: ["email"],
      }),
    ]);
    const withReview = { ...schema, models: [...schema.models, review] };
    expect(() => decodeWrite(withReview, review, { author: "3", authorEmail: "a@b.c" }, "create")).toThrow(
      "Give either author or authorEmail, not both",
    );
  });

  it("refuses bad related ids and writes to one-to-many relations", () => {
    expect(refused({ ...validBook, author: 3 }).fields).toEqual({ author: "Expected an id of Author" });
    expect(refused({ ...validBook, author: "x" }).fields.author).toContain("'x' is not a valid Id (Int)");
    expect(refused({ ...validBook, tags: "t1" }).fields).toEqual({ tags: "Expected a list of ids of Tags" });
    expect(refused({ ...validBook, tags: ["t1", 2] }).fields).toEqual({
      tags: "Item 2: Expected an id of Tag",
    });
    expect(refused({ ...validBook, orderItems: [] }).fields).toEqual({
      orderItems: "This field is read-only",
    });
    expect(refused({ ...validBook, search: "x" }).fields).toEqual({ search: "This field is read-only" });
    expect(refused({ carrier: "UPS", item: "o1" }, "create", shipment).fields.item).toContain(
      "Expected 2 parts",
    );
  });

  it("accepts a writable natural key on create and update but refuses generated ids", () => {
    expect(decodeWrite(schema, country, { isoCode: "FR", name: "France" }, "create").scalars).toEqual({
      isoCode: "FR",
      name: "France",
    });
    expect(decodeWrite(schema, country, { isoCode: "FX" }, "update").scalars).toEqual({ isoCode: "FX" });
    expect(refused({ isoCode: "FR" }, "create", country).fields).toEqual({ name: "This field is required" });
    expect(refused({ id: "x", name: "n" }, "create", tag).fields).toEqual({ id: "This field is read-only" });
  });

  it("refuses bodies that are not JSON objects with a 400", () => {
    for (const body of [null, [], "text", 3, new Date()]) {
      expect(refused(body).code, JSON.stringify(body)).toBe("bad_request");
    }
  });

  it("treats __proto__ and constructor as unknown fields without touching prototypes", () => {
    const body = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "title": "x"}');
    const failure = refused(body, "update");
    expect(Object.entries(failure.fields)).toEqual([
      ["__proto__", "Unknown field"],
      ["constructor", "Unknown field"],
    ]);
    expect(JSON.stringify(failure.fields)).toBe(
      '{"__proto__":"Unknown field","constructor":"Unknown field"}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses to create a model with a required column Prisma cannot write and no default, naming it", () => {
    const column = (overrides: object) =>
      scalar("shape", "Unsupported", { isReadOnly: true, unsupportedType: "circle", ...overrides });
    const zone = model("Zone", [autoId(), scalar("name", "String"), column({})]);
    expect(refused({ name: "z" }, "create", zone)).toMatchObject({
      status: 422,
      fields: { shape: expect.stringMatching(/cannot write this column's type \(circle\)/) },
    });
    expect(decodeWrite(schema, zone, { name: "z" }, "update").scalars).toEqual({ name: "z" });
    const generated = model("Zone", [autoId(), scalar("name", "String"), column({ hasDefault: true })]);
    expect(decodeWrite(schema, generated, { name: "z" }, "create").scalars).toEqual({ name: "z" });
  });
});
