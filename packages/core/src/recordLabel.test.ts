import { describe, expect, it } from "vitest";
import { recordLabel } from "./recordLabel.js";
import { author, book, model, modelWithId, orderItem, scalar } from "./testing/fixtures.js";

describe("recordLabel", () => {
  it("uses the title field's text", () => {
    expect(recordLabel(book, { id: 1, title: "Dune" })).toBe("Dune");
  });

  it("shows non-text title fields as their wire text", () => {
    const event = model("Event", [scalar("id", "Int", { isId: true }), scalar("day", "DateTime")], {
      titleField: "day",
    });
    expect(recordLabel(event, { id: 1, day: new Date("2024-05-01T10:00:00Z") })).toBe(
      "2024-05-01T10:00:00.000Z",
    );
    expect(recordLabel(modelWithId("BigInt"), { id: 12n })).toBe("12");
  });

  it("falls back to '{Model} {$id}' when the title is missing, null or blank", () => {
    expect(recordLabel(author, { id: 3, name: "" })).toBe("Author 3");
    expect(recordLabel(author, { id: 3 })).toBe("Author 3");
    expect(
      recordLabel({ ...orderItem, titleField: "quantity" }, { orderId: "a,b", bookId: 2, quantity: null }),
    ).toBe("Order item a%2Cb,2");
  });

  it("does not show Json objects as [object Object]", () => {
    const withJson = model("Doc", [scalar("id", "Int", { isId: true }), scalar("body", "Json")], {
      titleField: "body",
    });
    expect(recordLabel(withJson, { id: 5, body: { a: 1 } })).toBe("Doc 5");
  });
});
