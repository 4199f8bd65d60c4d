import { describe, expect, it } from "vitest";
import type { SchemaMeta } from "./metadata.js";
import { recordLabel } from "./recordLabel.js";
import {
  author,
  schema as baseSchema,
  book,
  enumField,
  model,
  modelWithId,
  orderItem,
  relation,
  scalar,
} from "./testing/fixtures.js";

/** Book (titled) <- Edition (book · format) <- Stock (edition · place): labels two levels deep. */
const edition = model(
  "Edition",
  [
    scalar("id", "String", { isId: true, hasDefault: true, default: { kind: "cuid" } }),
    scalar("bookId", "Int", { isForeignKey: true }),
    relation("book", "Book", { name: "BookToEdition", fromFields: ["bookId"], toFields: ["id"] }),
    enumField("format", "Format", ["HARDCOVER", "PAPERBACK", "EBOOK"]),
  ],
  { titleField: "bookId", titleParts: ["book", "format"], searchFields: ["book.title"] },
);
const stock = model(
  "Stock",
  [
    scalar("editionId", "String", { isId: true, isForeignKey: true }),
    relation("edition", "Edition", { name: "EditionToStock", fromFields: ["editionId"], toFields: ["id"] }),
    scalar("place", "String", { isId: true }),
  ],
  { titleField: "editionId", titleParts: ["edition", "place"] },
);
const labelled: SchemaMeta = { ...baseSchema, models: [...baseSchema.models, edition, stock] };
const derivedOrderItem = { ...orderItem, titleParts: ["order", "book"] };

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

  it("joins titleParts with ' · ', showing related records by their own label", () => {
    expect(
      recordLabel(
        derivedOrderItem,
        { orderId: "o1", bookId: 2, order: { id: "o1" }, book: { id: 2, title: "Dune" } },
        labelled,
      ),
    ).toBe("o1 · Dune");
    expect(
      recordLabel(
        edition,
        { id: "e1", bookId: 2, format: "EBOOK", book: { id: 2, title: "Dune" } },
        labelled,
      ),
    ).toBe("Dune · EBOOK");
  });

  it("nests derived labels and shows the related $id where the record was not loaded", () => {
    const row = {
      editionId: "e1",
      place: "Leeds",
      edition: { id: "e1", bookId: 2, format: "EBOOK", book: { id: 2, title: "Dune" } },
    };
    expect(recordLabel(stock, row, labelled)).toBe("Dune · EBOOK · Leeds");
    const shallow = { ...row, edition: { id: "e1", bookId: 2, format: "EBOOK" } };
    expect(recordLabel(stock, shallow, labelled)).toBe("2 · EBOOK · Leeds");
  });

  it("leaves out empty parts and falls back to '{Model} {$id}' when all are empty", () => {
    expect(recordLabel(edition, { id: "e1", bookId: null, format: "EBOOK" }, labelled)).toBe("EBOOK");
    expect(recordLabel(edition, { id: "e1", bookId: null, book: null, format: null }, labelled)).toBe(
      "Edition e1",
    );
  });

  it("uses the title field when no schema is given", () => {
    expect(recordLabel(derivedOrderItem, { orderId: "o1", bookId: 2 })).toBe("o1");
  });
});
