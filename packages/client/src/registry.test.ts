// @vitest-environment node
import { model, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import type { WidgetDefinition } from "./extensionTypes.js";
import { createRegistry } from "./registry.js";

const Page = () => null;
const Stars = () => null;
const Toggle = () => null;
const review = model("Review", [
  scalar("id", "Int", { isId: true }),
  scalar("stars", "Int"),
  scalar("votes", "Int"),
]);
const book = model("Book", [scalar("id", "Int", { isId: true }), scalar("stars", "Int")]);
function field(owner: typeof review, name: string) {
  const found = owner.fields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${owner.name} has no field ${name}`);
  return found;
}

describe("createRegistry", () => {
  it("keeps custom pages in registration order and finds them by key", () => {
    const registry = createRegistry()
      .registerPage({ key: "sales", title: "Sales", component: Page })
      .registerPage({ key: "audit-log", title: "Audit log", component: Page, role: "auditor" });
    expect(registry.pages().map((page) => page.title)).toEqual(["Sales", "Audit log"]);
    expect(registry.page("audit-log")?.role).toBe("auditor");
  });

  it("refuses a duplicate or unusable page key with a message saying what to do", () => {
    const registry = createRegistry().registerPage({ key: "sales", title: "Sales", component: Page });
    expect(() => registry.registerPage({ key: "sales", title: "Again", component: Page })).toThrow(
      /registered twice/,
    );
    expect(() => registry.registerPage({ key: "Sales Page", title: "x", component: Page })).toThrow(
      /lowercase/,
    );
  });

  it("prefers a field's own widget to its type's, and keeps cells apart from inputs", () => {
    const registry = createRegistry()
      .registerWidget({ kind: "cell", model: "Review", field: "stars", component: Stars })
      .registerWidget({ kind: "input", type: "Int", component: Toggle });
    expect(registry.cellWidget(review, field(review, "stars"), "Int")).toBe(Stars);
    expect(registry.cellWidget(review, field(review, "votes"), "Int")).toBeUndefined();
    expect(registry.cellWidget(book, field(book, "stars"), "Int")).toBeUndefined();
    expect(registry.inputWidget(review, field(review, "stars"), "Int")).toBe(Toggle);
    expect(createRegistry().cellWidget(review, field(review, "stars"), "Int")).toBeUndefined();
  });

  it("refuses a widget registered twice or without a clear target", () => {
    const registry = createRegistry().registerWidget({ kind: "cell", type: "Int", component: Stars });
    expect(() => registry.registerWidget({ kind: "cell", type: "Int", component: Stars })).toThrow(
      /cell widget for type 'Int' is registered twice/,
    );
    const both = { kind: "cell", type: "Int", model: "Review", field: "stars", component: Stars };
    expect(() => registry.registerWidget(both as unknown as WidgetDefinition)).toThrow(/not both/);
  });

  it("gives a slot's components to the model they name (by name or key), or to every model", () => {
    const registry = createRegistry()
      .registerSlot({ slot: "record.panel", model: "Book", title: "Stock", component: Page })
      .registerSlot({ slot: "record.panel", model: "review", title: "Moderation", component: Page })
      .registerSlot({ slot: "record.actions", title: "Everywhere", component: Page });
    expect(registry.slots("record.panel", book).map((slot) => slot.title)).toEqual(["Stock"]);
    expect(registry.slots("record.panel", review).map((slot) => slot.title)).toEqual(["Moderation"]);
    expect(registry.slots("record.actions", review).map((slot) => slot.title)).toEqual(["Everywhere"]);
    expect(registry.slots("list.toolbar", book)).toEqual([]);
    expect(() => registry.registerSlot({ slot: "record.footer" as "record.panel", component: Page })).toThrow(
      /slots are list.toolbar, record.panel, record.actions/,
    );
  });
});
