// @vitest-environment node
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { autoId, model as buildModel, relation, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { duplicateValues, formFields, toFormValues, toWriteBody, writeOnlyFormFields } from "./formValues.js";
import { validateField, validateWriteOnlyField } from "./validateField.js";

const model = buildModel(
  "Order",
  [
    autoId(),
    scalar("title", "String"),
    scalar("amount", "Decimal"),
    scalar("big", "BigInt", { isRequired: false }),
    scalar("paid", "Boolean", { hasDefault: true, default: { kind: "literal", value: false } }),
    scalar("meta", "Json", { isRequired: false }),
    scalar("customerId", "Int", { isForeignKey: true }),
    relation("customer", "Customer", { name: "c", fromFields: ["customerId"], toFields: ["id"] }),
    relation("tags", "Tag", { name: "t", toMany: true, isManyToMany: true }),
    relation("items", "Item", { name: "i", toMany: true }),
  ],
  { titleField: "title", searchFields: ["title"] },
);

const row = {
  $id: "7",
  $label: "First",
  id: 7,
  title: "First",
  amount: "12345678901234567890.123456789",
  big: "9223372036854775807",
  paid: false,
  meta: { a: 1 },
  customerId: 3,
  customer: { $id: "3", $label: "Ann" },
  tags: 2,
  items: 5,
};

describe("form fields", () => {
  it("edits a foreign key through its relation and hides one-to-many lists", () => {
    expect(formFields(model, "edit").map((f) => f.name)).toEqual([
      "id",
      "title",
      "amount",
      "big",
      "paid",
      "meta",
      "customer",
      "tags",
    ]);
    expect(formFields(model, "create").map((f) => f.name)).not.toContain("id");
  });
});

describe("Json defaults", () => {
  // As the metadata describes `Json @default("{}")` and `@default("[]")`: the values, not their text.
  const withDefaults = buildModel("Scene", [
    autoId(),
    scalar("settings", "Json", { hasDefault: true, default: { kind: "literal", value: {} } }),
    scalar("layers", "Json", { hasDefault: true, default: { kind: "literal", value: [] } }),
    scalar("extra", "Json", { isRequired: false }),
  ]);

  it("pre-fills the create form with the JSON text and sends an object and an array, never strings", () => {
    const initial = toFormValues(withDefaults, "create");
    expect(initial).toEqual({ settings: "{}", layers: "[]", extra: "" });
    expect(toWriteBody(withDefaults, "create", initial, initial)).toEqual({ settings: {}, layers: [] });
    const typed = { ...initial, settings: '{"scale": 2}', extra: '"text"' };
    expect(toWriteBody(withDefaults, "create", typed, initial)).toEqual({
      settings: { scale: 2 },
      layers: [],
      extra: "text",
    });
  });
});

describe("write body", () => {
  it("never loses digits of Decimal and BigInt values", () => {
    const initial = toFormValues(model, "edit", row, { tags: [] });
    expect(initial.amount).toBe("12345678901234567890.123456789");
    const body = toWriteBody(model, "edit", { ...initial, big: "-9223372036854775808" }, initial);
    expect(body).toEqual({ big: "-9223372036854775808" });
  });

  it("sends the loaded $version with an edit, so a stale save is refused instead of lost", () => {
    const initial = toFormValues(model, "edit", row, { tags: [] });
    const edited = { ...initial, big: "7" };
    expect(toWriteBody(model, "edit", edited, initial, "v1abc")).toEqual({ $version: "v1abc", big: "7" });
    expect(toWriteBody(model, "create", edited, initial, "v1abc")).not.toHaveProperty("$version");
  });

  it("sends only changed fields on edit, relations as $id and many-to-many as $id arrays", () => {
    const initial = toFormValues(model, "edit", row, { tags: [{ $id: "t1", $label: "red" }] });
    const body = toWriteBody(
      model,
      "edit",
      { ...initial, customer: { $id: "9", $label: "Bob" }, tags: [], meta: '{"b": [1, 2]}' },
      initial,
    );
    expect(body).toEqual({ customer: "9", tags: [], meta: { b: [1, 2] } });
  });

  it("leaves empty optional fields to the server's defaults on create", () => {
    const initial = toFormValues(model, "create");
    expect(initial.paid).toBe(false);
    const body = toWriteBody(
      model,
      "create",
      { ...initial, title: "New", amount: "1.50", customer: { $id: "3", $label: "Ann" } },
      initial,
    );
    expect(body).toEqual({ title: "New", amount: "1.50", paid: false, customer: "3" });
  });
});

describe("validateField", () => {
  const [, title, amount, big, , meta] = model.fields as [
    FieldMeta,
    FieldMeta,
    FieldMeta,
    FieldMeta,
    FieldMeta,
    FieldMeta,
  ];

  it("explains what is wrong with a typed value", () => {
    expect(validateField(title, "", "create")).toBe("This field is required.");
    expect(validateField(amount, "1.2.3", "create")).toMatch(/decimal number/);
    expect(validateField(big, "9223372036854775808", "create")).toMatch(/too large/);
    expect(validateField(meta, "{oops", "create")).toMatch(/^Not valid JSON/);
    expect(validateField(amount, "-0.5", "create")).toBe(true);
  });
});

describe("write-only fields", () => {
  const passwordHash = scalar("passwordHash", "String", { nativeType: ["VarChar", ["12"]] });
  const recoveryNote = scalar("recoveryNote", "String", { isRequired: false });
  const staff: ModelMeta = { ...model, writeOnlyFields: [passwordHash, recoveryNote] };
  const row = { $id: "1", $label: "x", $version: "v1", id: 1, title: "T", amount: "1", customer: null };

  it("are not regular form fields and always start empty, also when editing a record", () => {
    expect(formFields(staff, "create").map((f) => f.name)).not.toContain("passwordHash");
    expect(writeOnlyFormFields(staff).map((f) => f.name)).toEqual(["passwordHash", "recoveryNote"]);
    expect(writeOnlyFormFields(model)).toEqual([]);
    expect(toFormValues(staff, "create")).toMatchObject({ passwordHash: "", recoveryNote: "" });
    expect(toFormValues(staff, "edit", { ...row, passwordHash: "leaked?" })).toMatchObject({
      passwordHash: "",
      recoveryNote: "",
    });
  });

  it("are sent only when typed, exactly as typed; empty on edit keeps the stored value", () => {
    const created = toFormValues(staff, "create");
    const typed = { ...created, title: "T", passwordHash: "  hash$ with spaces " };
    expect(toWriteBody(staff, "create", typed, created)).toMatchObject({
      passwordHash: "  hash$ with spaces ",
    });
    expect(toWriteBody(staff, "create", typed, created)).not.toHaveProperty("recoveryNote");
    const loaded = toFormValues(staff, "edit", row);
    expect(toWriteBody(staff, "edit", { ...loaded, title: "New" }, loaded, "v1")).toEqual({
      $version: "v1",
      title: "New",
    });
    expect(toWriteBody(staff, "edit", { ...loaded, recoveryNote: "n" }, loaded, "v1")).toEqual({
      $version: "v1",
      recoveryNote: "n",
    });
  });

  it("are required on create when the schema requires them, never on edit, and checked like text", () => {
    expect(validateWriteOnlyField(passwordHash, "", "create")).toBe("This field is required.");
    expect(validateWriteOnlyField(recoveryNote, "", "create")).toBe(true);
    expect(validateWriteOnlyField(passwordHash, "", "edit")).toBe(true);
    expect(validateWriteOnlyField(passwordHash, "x".repeat(13), "edit")).toMatch(/At most 12 characters/);
    expect(validateWriteOnlyField(passwordHash, "hash", "create")).toBe(true);
  });
});

describe("a duplicate's starting values", () => {
  const book = buildModel(
    "Book",
    [
      autoId(),
      scalar("title", "String"),
      scalar("isbn", "String", { isUnique: true }),
      scalar("language", "String", { hasDefault: true, default: { kind: "literal", value: "en" } }),
      scalar("createdAt", "DateTime", { hasDefault: true, default: { kind: "now" } }),
      scalar("reference", "String", { hasDefault: true, default: { kind: "uuid" } }),
      scalar("authorId", "Int", { isForeignKey: true }),
      relation("author", "Author", { name: "a", fromFields: ["authorId"], toFields: ["id"] }),
      relation("tags", "Tag", { name: "t", toMany: true, isManyToMany: true }),
    ],
    { titleField: "title", searchFields: ["title"] },
  );
  const original = {
    $id: "4",
    $label: "Dune",
    id: 4,
    title: "Dune",
    isbn: "9780441013593",
    language: "fr",
    createdAt: "2020-01-02T03:04:05.000Z",
    reference: "5f0c7a64-6a43-4e4b-9d0e-0a5e8f1b2c3d",
    authorId: 9,
    author: { $id: "9", $label: "Frank Herbert" },
    tags: 3,
  };

  it("copies the values and links, but not what must be unique, what the database makes, or the tags", () => {
    const values = duplicateValues(book, original);
    expect(values).toEqual({
      title: "Dune",
      isbn: "",
      language: "fr",
      createdAt: "",
      reference: "",
      author: { $id: "9", $label: "Frank Herbert" },
      tags: [],
    });
    // Saved as it stands, the copy leaves the creation time and the reference to the database.
    expect(toWriteBody(book, "create", values, values)).toEqual({
      title: "Dune",
      language: "fr",
      author: "9",
    });
  });
});
