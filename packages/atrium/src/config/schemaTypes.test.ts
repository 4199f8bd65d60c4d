import { book, schema, tag } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { schemaTypesSource } from "./schemaTypes.js";

describe("schemaTypesSource", () => {
  it("declares every model's fields and its to-one relations with the model each points at", () => {
    const source = schemaTypesSource({ ...schema, models: [tag, book] }, "prisma/schema.prisma");
    expect(source).toContain(
      `"Book": ${book.fields.map((field) => JSON.stringify(field.name)).join(" | ")};`,
    );
    const toOne = book.fields.filter((field) => field.relation && !field.relation.toMany);
    expect(toOne.length).toBeGreaterThan(0);
    expect(source).toContain(
      `"Book": { ${toOne.map((field) => `"${field.name}": "${field.relation?.model}"`).join("; ")} };`,
    );
    // Tag's one relation is to-many: nothing a path can walk through, so no entry.
    expect(source).not.toContain(`"Tag": {`);
  });
});
