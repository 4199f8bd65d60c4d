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
    // A type or kind is shared by many records (`Account.type` is "oauth" for most): never a label.
    expect(
      chooseTitleField(
        [scalar("id", "String", { isId: true }), scalar("type", "String"), scalar("provider", "String")],
        ["id"],
      ),
    ).toBe("provider");
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

  it("searches a model's other text when it has no well-known field, such as content and body", () => {
    const fields = [
      scalar("id", "String", { isId: true, hasDefault: true, default: { kind: "cuid" } }),
      scalar("authorId", "String", { isForeignKey: true }),
      scalar("content", "String", { isRequired: false }),
      scalar("body", "String", { isRequired: false }),
      scalar("payload", "Json"),
      scalar("tags", "String", { isList: true }),
    ];
    // The title fell back to the id: it still finds a pasted id, next to the text.
    expect(chooseSearchFields(fields, "id")).toEqual(["id", "content", "body"]);
    const numbered = [scalar("id", "Int", { isId: true }), ...fields.slice(1)];
    expect(chooseSearchFields(numbered, "id")).toEqual(["content", "body"]);
  });

  it("never searches a secret-named field (it is hidden), nor makes one the only choice", () => {
    const session = [
      scalar("id", "String", { isId: true, hasDefault: true, default: { kind: "cuid" } }),
      scalar("sessionToken", "String", { isUnique: true }),
      scalar("userId", "String", { isForeignKey: true }),
    ];
    expect(chooseSearchFields(session, "sessionToken")).toEqual([]);
    // A natural text id (typed by people, not generated) is worth searching.
    expect(
      chooseSearchFields([scalar("key", "String", { isId: true }), scalar("apiKey", "String")], "key"),
    ).toEqual(["key"]);
  });

  it("leaves the title out when it is not text", () => {
    expect(chooseSearchFields([scalar("id", "Int", { isId: true }), scalar("name", "String")], "id")).toEqual(
      ["name"],
    );
  });
});
