import type { InlineMeta } from "@atrium/core";
import { autoId, model, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import {
  copiedInlineRows,
  type InlineState,
  inlineModel,
  inlinesBody,
  loadedInlineRows,
  newInlineRow,
  placeInlineErrors,
} from "./inlineRows.js";

const task = model("Task", [
  autoId(),
  scalar("title", "String"),
  scalar("quantity", "Int"),
  scalar("projectId", "Int"),
]);
const inline: InlineMeta = {
  relation: "tasks",
  model: "task",
  backField: "project",
  foreignKey: ["projectId"],
  fields: ["title", "quantity"],
  ordering: [],
  style: "table",
  min: 0,
  max: 50,
};

describe("inlinesBody", () => {
  it("sends new, changed and removed rows only, and remembers which body index is which row", () => {
    const child = inlineModel(inline, [task]);
    if (!child) throw new Error("no child");
    expect(child.fields.map((field) => field.name)).toEqual(["title", "quantity"]);
    const [kept, changed, removed] = loadedInlineRows(child, [
      { $id: "1", $label: "a", $version: "v1", title: "Kept", quantity: 1 },
      { $id: "2", $label: "b", $version: "v2", title: "Changed", quantity: 1 },
      { $id: "3", $label: "c", $version: "v3", title: "Removed", quantity: 1 },
    ]);
    if (!kept || !changed || !removed) throw new Error("rows");
    const added = newInlineRow(child);
    const state: InlineState = {
      tasks: [
        kept,
        { ...changed, values: { ...changed.values, quantity: "5" } },
        { ...removed, removed: true },
        { ...added, values: { ...added.values, title: "New" } },
      ],
    };
    const { body, order } = inlinesBody([inline], [task], state);
    expect(body).toEqual({
      tasks: [
        { $id: "2", $version: "v2", quantity: 5 },
        { $id: "3", $delete: true, $version: "v3" },
        { title: "New" },
      ],
    });
    expect(order.tasks).toEqual([changed.key, removed.key, added.key]);
    const placed = placeInlineErrors(
      { "$inlines.tasks.2.title": "Too short", "$inlines.tasks": "At most 3", title: "Required" },
      order,
    );
    expect(placed.rows).toEqual({ [added.key]: { title: "Too short" } });
    expect(placed.inlines).toEqual({ tasks: "At most 3" });
    expect(placed.rest).toEqual({ title: "Required" });
  });

  it("sends nothing when no row changed", () => {
    const child = inlineModel(inline, [task]);
    if (!child) throw new Error("no child");
    const rows = loadedInlineRows(child, [{ $id: "1", $label: "a", title: "Kept", quantity: 1 }]);
    expect(inlinesBody([inline], [task], { tasks: rows }).body).toBeUndefined();
  });
});

describe("copiedInlineRows", () => {
  it("turns a duplicated record's rows into new rows with their values, sent as creates", () => {
    const child = inlineModel(inline, [task]);
    if (!child) throw new Error("no child");
    const rows = copiedInlineRows(child, [
      { $id: "1", $label: "a", $version: "v1", title: "Paint", quantity: 2 },
      { $id: "2", $label: "b", $version: "v2", title: "Sand", quantity: 5 },
    ]);
    expect(rows.map((row) => [row.$id, row.values])).toEqual([
      [undefined, { title: "Paint", quantity: "2" }],
      [undefined, { title: "Sand", quantity: "5" }],
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(2);
    expect(inlinesBody([inline], [task], { tasks: rows }).body).toEqual({
      tasks: [
        { title: "Paint", quantity: 2 },
        { title: "Sand", quantity: 5 },
      ],
    });
  });
});
