import type { HistoryEntry } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { model as buildModel, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import {
  causedText,
  causeText,
  deletedRecords,
  entryChanges,
  entryRecordName,
  isRevertable,
  relativeTime,
  truncatedJson,
} from "./historyFormat.js";

const model = buildModel(
  "Customer",
  [scalar("id", "Int", { isId: true }), scalar("name", "String"), scalar("email", "String")],
  { titleField: "name" },
);

function entry(overrides: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: "e1",
    at: "2026-05-01T12:00:00.000Z",
    actor: { id: null, email: "system" },
    action: "update",
    model: "customer",
    recordId: "7",
    changes: {},
    revertOf: null,
    causeId: null,
    caused: 0,
    ...overrides,
  };
}

describe("entryChanges", () => {
  it("lists changed fields in schema order with their labels, unknown fields last", () => {
    const changes = entryChanges(
      entry({
        changes: {
          legacy: { old: 1, new: 2 },
          email: { old: "a@x.io", new: "b@x.io" },
          name: { old: "Ann", new: "Anne" },
        },
      }),
      model,
    );
    expect(changes.map((change) => [change.label, change.old, change.new])).toEqual([
      ["Name", "Ann", "Anne"],
      ["Email", "a@x.io", "b@x.io"],
      ["legacy", 1, 2],
    ]);
  });

  it("labels a write-only field from the model's writeOnlyFields, after the readable ones", () => {
    const withSecret: ModelMeta = {
      ...model,
      writeOnlyFields: [scalar("pin", "String", { label: "PIN code" })],
    };
    const changes = entryChanges(
      entry({ changes: { pin: { old: "[hidden]", new: "[hidden]" }, name: { old: "A", new: "B" } } }),
      withSecret,
    );
    expect(changes.map((change) => [change.label, change.new])).toEqual([
      ["Name", "B"],
      ["PIN code", "[hidden]"],
    ]);
  });
});

describe("relativeTime", () => {
  const now = new Date("2026-05-01T12:00:00.000Z");
  it("says how long ago, in words", () => {
    expect(relativeTime("2026-05-01T11:57:00.000Z", now)).toBe("3 minutes ago");
    expect(relativeTime("2026-04-30T12:00:00.000Z", now)).toBe("yesterday");
    expect(relativeTime("2026-05-01T11:59:58.000Z", now)).toBe("just now");
  });
});

describe("entryRecordName", () => {
  it("rebuilds the title of a deleted record from its snapshot", () => {
    const deleted = entry({
      action: "delete",
      changes: { id: { old: 7, new: null }, name: { old: "Ann", new: null } },
    });
    expect(entryRecordName(deleted, model)).toBe("Ann");
  });

  it("names a record labelled by its related records by model and id, snapshot or not", () => {
    const item = buildModel(
      "OrderItem",
      [
        scalar("orderId", "Int", { isId: true }),
        scalar("bookId", "Int", { isId: true }),
        { ...scalar("order", "Order"), kind: "relation" as const },
        { ...scalar("book", "Book"), kind: "relation" as const },
      ],
      { titleField: "orderId", titleParts: ["order", "book"] },
    );
    const created = entry({
      action: "create",
      model: "order-item",
      recordId: "25001,2709",
      changes: { orderId: { old: null, new: 25001 }, bookId: { old: null, new: 2709 } },
    });
    expect(entryRecordName(created, item)).toBe("Order item #25001,2709");
  });

  it("names an update by model and id", () => {
    expect(entryRecordName(entry({ changes: { email: { old: "a", new: "b" } } }), model)).toBe("Customer #7");
  });
});

describe("deletedRecords", () => {
  it("marks a record deleted only when its newest entry on screen deleted it", () => {
    const entries = [
      entry({ id: "3", action: "delete", recordId: "7" }),
      entry({ id: "2", action: "update", recordId: "7" }),
      entry({ id: "1", action: "delete", recordId: "8" }),
      entry({ id: "0", action: "revert", recordId: "8" }),
    ];
    expect([...deletedRecords(entries)]).toEqual(["customer/7", "customer/8"]);
    expect(deletedRecords([entry({ action: "revert", recordId: "7" }), ...entries]).has("customer/7")).toBe(
      false,
    );
  });
});

describe("isRevertable and truncatedJson", () => {
  it("offers revert for record changes only", () => {
    expect(isRevertable(entry({ action: "update" }))).toBe(true);
    expect(isRevertable(entry({ action: "revert" }))).toBe(false);
    expect(isRevertable(entry({ action: "login", model: null, recordId: null }))).toBe(false);
    // Taken with another record's delete: that delete's revert brings it back; a cleared reference reverts alone.
    expect(isRevertable(entry({ action: "delete", causeId: "e0" }))).toBe(false);
    expect(isRevertable(entry({ action: "update", causeId: "e0" }))).toBe(true);
  });

  it("cuts long JSON and says so", () => {
    expect(truncatedJson({ a: "x".repeat(100) }, 10)).toEqual({ text: '{"a":"xxxx…', truncated: true });
    expect(truncatedJson([1, 2])).toEqual({ text: "[1,2]", truncated: false });
  });
});

describe("causeText and causedText", () => {
  it("say how an entry followed from another, and how many others one caused", () => {
    const deleted = entry({ id: "e0", action: "delete" });
    expect(causeText(entry({ action: "delete", causeId: "e0" }), deleted)).toBe("Deleted together with");
    expect(causeText(entry({ action: "update", causeId: "e0" }), deleted)).toBe(
      "Reference cleared by deleting",
    );
    expect(causeText(entry({ action: "revert", causeId: "e1" }), entry({ action: "revert" }))).toBe(
      "Restored together with",
    );
    expect(causedText(entry({ action: "delete", caused: 1 }))).toBe("Also deleted or changed 1 other record");
    expect(causedText(entry({ action: "revert", caused: 6 }))).toBe("Also restored 6 other records");
  });

  it("show a parent's save with its inline rows as one change", () => {
    const saved = entry({ id: "e2", action: "update", caused: 3 });
    expect(causedText(saved)).toBe("Saved with 3 other records");
    expect(causedText(entry({ action: "create", caused: 1 }))).toBe("Created with 1 other record");
    expect(causeText(entry({ action: "create", causeId: "e2" }), saved)).toBe("Saved together with");
    expect(causeText(entry({ action: "delete", causeId: "e2" }), saved)).toBe("Saved together with");
    // A generated batch's other records, under its first record's create.
    const batch = entry({ id: "e3", action: "create", caused: 49 });
    expect(causeText(entry({ action: "create", causeId: "e3" }), batch)).toBe("Created together with");
  });
});

describe("action entries", () => {
  const ran = entry({
    action: "action",
    recordId: null,
    changes: {
      $action: { old: null, new: "markShipped" },
      $label: { old: null, new: "Mark as shipped" },
      $count: { old: null, new: 3 },
      $records: { old: null, new: ["1", "2", "3"] },
      $params: { old: null, new: { carrier: "DHL" } },
    },
  });

  it("are named by the action and how many records it ran on", () => {
    expect(entryRecordName(ran, model)).toBe("Mark as shipped on 3 customers");
  });

  it("show their parameters as the changes", () => {
    expect(entryChanges(ran, model)).toEqual([{ name: "carrier", label: "carrier", old: null, new: "DHL" }]);
  });
});
