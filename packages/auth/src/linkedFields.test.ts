import { schema } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { withLinkedFields } from "./linkedFields.js";

const linked = (hidden: Record<string, string[]>) => {
  const result = withLinkedFields(
    schema,
    new Map(Object.entries(hidden).map(([key, names]) => [key, new Set(names)])),
  );
  return Object.fromEntries(
    [...result].filter(([, names]) => names.size > 0).map(([key, names]) => [key, [...names].sort()]),
  );
};

describe("withLinkedFields", () => {
  it("hides a relation with its key scalar, and the other end with them", () => {
    const fromKey = linked({ book: ["authorId"] });
    expect(fromKey).toEqual({ book: ["author", "authorId"], author: ["books"] });
    expect(linked({ book: ["author"] })).toEqual(fromKey);
    expect(linked({ author: ["books"] })).toEqual(fromKey);
    // Another relation to the same model keeps its own key.
    expect(fromKey.book).not.toContain("editorId");
  });

  it("hides every column of a compound key and the relation when one column is hidden", () => {
    expect(linked({ shipment: ["itemBookId"] })).toEqual({
      shipment: ["item", "itemBookId", "itemOrderId"],
      "order-item": ["shipments"],
    });
  });

  it("hides both ends of a many-to-many set", () => {
    expect(linked({ tag: ["books"] })).toEqual({ tag: ["books"], book: ["tags"] });
  });

  it("never hides an identity field: a relation keyed by one shows through the record's id", () => {
    expect(linked({ "order-item": ["book"] })).toEqual({ "order-item": ["book"], book: ["orderItems"] });
  });

  it("leaves fields that hold no key as they are", () => {
    expect(linked({ book: ["title"], author: ["email"] })).toEqual({ book: ["title"], author: ["email"] });
  });
});
