import { describe, expect, it } from "vitest";
import type { DatabaseProvider, IndexMeta, ModelMeta, SchemaMeta } from "./metadata.js";
import { autoSearchMatch, prefixMayApply, searchIsIndexed } from "./searchMatch.js";
import { autoId, model, relation, scalar } from "./testing/fixtures.js";

function person(indexes: IndexMeta[], searchFields = ["name"]): ModelMeta {
  return model("Person", [autoId(), scalar("name", "String"), scalar("email", "String")], {
    titleField: "name",
    searchFields,
    indexes: [{ fields: ["id"], kind: "id" }, ...indexes],
  });
}

const on = (provider: DatabaseProvider, ...models: ModelMeta[]): SchemaMeta => ({
  provider,
  models,
  enums: [],
});
const plain: IndexMeta = { fields: ["name"], kind: "normal" };
const pattern: IndexMeta = { fields: ["name"], kind: "normal", operatorClass: "text_pattern_ops" };
const trigram: IndexMeta = {
  fields: ["name"],
  kind: "normal",
  algorithm: "Gin",
  operatorClass: "gin_trgm_ops",
};

describe("searchIsIndexed", () => {
  it("serves a prefix match on SQLite and MySQL with any B-tree index led by the field", () => {
    for (const provider of ["sqlite", "mysql"] as const) {
      expect(searchIsIndexed(on(provider), person([plain]), "prefix")).toBe(true);
      expect(searchIsIndexed(on(provider), person([]), "prefix")).toBe(false);
      expect(
        searchIsIndexed(on(provider), person([{ fields: ["email", "name"], kind: "normal" }]), "prefix"),
      ).toBe(false);
      expect(searchIsIndexed(on(provider), person([{ ...plain, kind: "fulltext" }]), "prefix")).toBe(false);
      expect(searchIsIndexed(on(provider), person([trigram]), "contains")).toBe(false);
    }
  });

  it("serves a prefix match on PostgreSQL only with a pattern operator class or a trigram index", () => {
    const postgres = on("postgresql");
    expect(searchIsIndexed(postgres, person([plain]), "prefix")).toBe(false);
    expect(searchIsIndexed(postgres, person([pattern]), "prefix")).toBe(true);
    expect(searchIsIndexed(postgres, person([trigram]), "prefix")).toBe(true);
    expect(searchIsIndexed(postgres, person([{ ...pattern, algorithm: "Hash" }]), "prefix")).toBe(false);
    expect(searchIsIndexed(postgres, person([trigram]), "contains")).toBe(true);
    expect(searchIsIndexed(postgres, person([pattern]), "contains")).toBe(false);
  });

  it("needs every search field indexed, through relations on the related model", () => {
    const sqlite = on("sqlite");
    expect(searchIsIndexed(sqlite, person([plain], ["name", "email"]), "prefix")).toBe(false);
    const indexedPerson = person([plain]);
    const pet = model(
      "Pet",
      [
        autoId(),
        scalar("ownerId", "Int"),
        relation("owner", "Person", { name: "PersonToPet", fromFields: ["ownerId"], toFields: ["id"] }),
      ],
      { searchFields: ["owner.name"], indexes: [] },
    );
    expect(searchIsIndexed(on("sqlite", indexedPerson, pet), pet, "prefix")).toBe(true);
    expect(searchIsIndexed(on("sqlite", person([]), pet), pet, "prefix")).toBe(false);
  });

  it("takes the id and unique fields for indexes when the metadata lists none", () => {
    const { indexes: _, ...bare } = person([], ["email"]);
    const unique = {
      ...bare,
      fields: bare.fields.map((f) => (f.name === "email" ? { ...f, isUnique: true } : f)),
    };
    expect(searchIsIndexed(on("sqlite"), unique, "prefix")).toBe(true);
    expect(searchIsIndexed(on("sqlite"), bare, "prefix")).toBe(false);
  });
});

describe("autoSearchMatch", () => {
  it("picks prefix on a big table whose search an index serves that way, contains otherwise", () => {
    const sqlite = on("sqlite");
    expect(autoSearchMatch(sqlite, person([plain]), 1000, 100)).toBe("prefix");
    expect(autoSearchMatch(sqlite, person([plain]), 100, 100)).toBe("contains");
    expect(autoSearchMatch(sqlite, person([plain]), undefined, 100)).toBe("contains");
    expect(autoSearchMatch(sqlite, person([plain]), 1000, 0)).toBe("contains");
    expect(autoSearchMatch(sqlite, person([]), 1000, 100)).toBe("contains");
  });

  it("keeps contains on PostgreSQL when a trigram index serves it", () => {
    const postgres = on("postgresql");
    expect(autoSearchMatch(postgres, person([trigram]), 1000, 100)).toBe("contains");
    expect(prefixMayApply(postgres, person([trigram]))).toBe(false);
    expect(autoSearchMatch(postgres, person([pattern]), 1000, 100)).toBe("prefix");
    expect(prefixMayApply(postgres, person([pattern]))).toBe(true);
  });
});
