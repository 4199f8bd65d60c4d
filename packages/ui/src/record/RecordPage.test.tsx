// @vitest-environment jsdom
import { createRegistry, type SlotProps } from "@atrium/client";
import { model, scalar } from "@atrium/core/testing";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiDouble, renderAdmin } from "../testing/renderAdmin.js";
import { RecordPage } from "./RecordPage.js";

const book = model("Book", [scalar("id", "Int", { isId: true }), scalar("title", "String")], {
  titleField: "title",
});
const review = model("Review", [scalar("id", "Int", { isId: true }), scalar("title", "String")], {
  titleField: "title",
});
const readOnly = { view: true, add: false, change: false, delete: false };

function Stock({ model, recordId, record }: SlotProps["record.panel"]) {
  return <p>{`${model.name} ${recordId}: stock of “${record.$label}”`}</p>;
}

function Reprint({ record }: SlotProps["record.actions"]) {
  return <button type="button">Reprint “{record.$label}”</button>;
}

function Broken(): never {
  throw new Error("warehouse API down");
}

function open(url: string) {
  const registry = createRegistry()
    .registerSlot({ slot: "record.panel", model: "Book", title: "Stock by warehouse", component: Stock })
    .registerSlot({ slot: "record.actions", model: "book", title: "Reprint", component: Reprint })
    .registerSlot({ slot: "record.panel", model: "Book", title: "Broken panel", component: Broken });
  const api = apiDouble({
    meta: async () => ({
      models: [
        { ...book, permissions: readOnly },
        { ...review, permissions: readOnly },
      ] as unknown as (typeof book)[],
      enums: [],
    }),
    get: async (modelKey, id) => ({ $id: id, $label: modelKey === "book" ? "Dune" : "Great read", id: 1 }),
  });
  renderAdmin(<RecordPage />, { api, registry, path: "/m/:modelKey/:id", url });
}

afterEach(cleanup);

describe("RecordPage slots", () => {
  it("shows a model's panels under its fields and its actions in the header", async () => {
    open("/m/book/1");
    const panel = await screen.findByRole("region", { name: "Stock by warehouse" });
    expect(panel.textContent).toContain("Book 1: stock of “Dune”");
    expect(screen.getByRole("button", { name: "Reprint “Dune”" })).toBeTruthy();
  });

  it("keeps the page usable when a panel fails, saying which one", async () => {
    // React and the boundary both log the failure; the author reads it in the console.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    open("/m/book/1");
    const failed = await screen.findByRole("region", { name: "Broken panel" });
    expect(failed.textContent).toContain("“Broken panel” failed: warehouse API down");
    expect(screen.getByRole("region", { name: "Stock by warehouse" })).toBeTruthy();
    expect(logged).toHaveBeenCalledWith(
      "Atrium: the component “Broken panel” failed",
      expect.any(Error),
      expect.any(String),
    );
    logged.mockRestore();
  });

  it("shows nothing of another model's slots", async () => {
    open("/m/review/1");
    expect(await screen.findByRole("heading", { name: "Great read" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Stock by warehouse" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Reprint/ })).toBeNull();
  });
});
