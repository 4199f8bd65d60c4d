import type { FieldMeta } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { chooseSearchFields, chooseTitleField } from "./titleField.js";

function field(name: string, overrides: Partial<FieldMeta> = {}): FieldMeta {
  return {
    name,
    label: name,
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
    ...overrides,
  };
}

describe("chooseTitleField", () => {
  it("prefers well-known label names in order, whatever their case", () => {
    const fields = [field("id", { isId: true }), field("Email"), field("Title"), field("body")];
    expect(chooseTitleField(fields, ["id"])).toBe("Title");
  });

  it("ignores well-known names that are not text", () => {
    const fields = [field("id", { isId: true }), field("name", { type: "Json" }), field("summary")];
    expect(chooseTitleField(fields, ["id"])).toBe("summary");
  });

  it("does not take a code with a short default for a name", () => {
    const fields = [
      field("id", { isId: true }),
      field("currency", { hasDefault: true, default: { kind: "literal", value: "USD" } }),
      field("locale", { hasDefault: true, default: { kind: "literal", value: "pt-BR" } }),
      field("motto", { hasDefault: true, default: { kind: "literal", value: "hello" } }),
    ];
    expect(chooseTitleField(fields, ["id"])).toBe("motto");
    expect(chooseTitleField([field("id", { isId: true }), field("language")], ["id"])).toBe("id");
  });

  it("skips ids, foreign keys and optional text before falling back to the id", () => {
    const fields = [
      field("uuid", { isId: true }),
      field("ownerId", { isForeignKey: true }),
      field("note", { isRequired: false }),
    ];
    expect(chooseTitleField(fields, ["uuid"])).toBe("uuid");
  });
});

describe("chooseSearchFields", () => {
  it("searches the title plus other well-known text fields, at most four", () => {
    const fields = [
      field("title"),
      field("email"),
      field("slug"),
      field("code"),
      field("sku"),
      field("body"),
      field("name", { type: "Bytes" }),
    ];
    expect(chooseSearchFields(fields, "title")).toEqual(["title", "email", "slug", "code"]);
  });

  it("leaves the title out when it is not text", () => {
    expect(chooseSearchFields([field("id", { type: "Int", isId: true }), field("name")], "id")).toEqual([
      "name",
    ]);
  });
});
