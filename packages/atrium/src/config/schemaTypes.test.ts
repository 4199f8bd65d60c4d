import { book, schema, tag } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { schemaTypesSource } from "./schemaTypes.js";

describe("schemaTypesSource", () => {
  it("declares every model's fields, its to-one and its one-to-many relations with the model each points at", () => {
    const source = schemaTypesSource({ ...schema, models: [tag, book] }, "prisma/schema.prisma");
    expect(source).toContain(
      `"Book": ${book.fields.map((field) => JSON.stringify(field.name)).join(" | ")};`,
    );
    const toOne = book.fields.filter((field) => field.relation && !field.relation.toMany);
    expect(toOne.length).toBeGreaterThan(0);
    expect(source).toContain(
      `"Book": { ${toOne.map((field) => `"${field.name}": "${field.relation?.model}"`).join("; ")} };`,
    );
    // Tag's one relation is many-to-many: nothing a path walks through or a computed column aggregates.
    expect(source).not.toContain(`"Tag": {`);
    const toMany = book.fields.filter((field) => field.relation?.toMany && !field.relation.isManyToMany);
    expect(toMany.length).toBeGreaterThan(0);
    expect(source).toContain(
      `toMany: {\n        "Book": { ${toMany.map((field) => `"${field.name}": "${field.relation?.model}"`).join("; ")} };`,
    );
  });
});
