import { scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { chooseSearchFields, chooseTitleField } from "./titleField.js";

describe("chooseTitleField", () => {
  it("prefers well-known label names in order, whatever their case", () => {
    const fields = [
      scalar("id", "String", { isId: true }),
      scalar("Email", "String"),
      scalar("Title", "String"),
      scalar("body", "String"),
    ];
    expect(chooseTitleField(fields, ["id"])).toBe("Title");
  });

  it("ignores well-known names that are not text", () => {
    const fields = [
      scalar("id", "String", { isId: true }),
      scalar("name", "Json"),
      scalar("summary", "String"),
    ];
    expect(chooseTitleField(fields, ["id"])).toBe("summary");
  });

  it("does not take a code with a short default for a name", () => {
    const fields = [
      scalar("id", "String", { isId: true }),
      scalar("currency", "String", { hasDefault: true, default: { kind: "literal", value: "USD" } }),
      scalar("locale", "String", { hasDefault: true, default: { kind: "literal", value: "pt-BR" } }),
      scalar("motto", "String", { hasDefault: true, default: { kind: "literal", value: "hello" } }),
    ];
    expect(chooseTitleField(fields, ["id"])).toBe("motto");
    expect(
      chooseTitleField([scalar("id", "String", { isId: true }), scalar("language", "String")], ["id"]),
    ).toBe("id");
  });

  it("skips ids, foreign keys and optional text before falling back to the id", () => {
    const fields = [
      scalar("uuid", "String", { isId: true }),
      scalar("ownerId", "String", { isForeignKey: true }),
      scalar("note", "String", { isRequired: false }),
    ];
    expect(chooseTitleField(fields, ["uuid"])).toBe("uuid");
  });
});

describe("chooseSearchFields", () => {
  it("searches the title plus other well-known text fields, at most four", () => {
    const fields = [
      scalar("title", "String"),
      scalar("email", "String"),
      scalar("slug", "String"),
      scalar("code", "String"),
      scalar("sku", "String"),
      scalar("body", "String"),
      scalar("name", "Bytes"),
    ];
    expect(chooseSearchFields(fields, "title")).toEqual(["title", "email", "slug", "code"]);
  });

  it("leaves the title out when it is not text", () => {
    expect(chooseSearchFields([scalar("id", "Int", { isId: true }), scalar("name", "String")], "id")).toEqual(
      ["name"],
    );
  });
});
