import { describe, expect, it } from "vitest";
import {
  fromChecks,
  fromMatrix,
  fromPageChecks,
  toChecks,
  toggleCell,
  toggleColumn,
  toMatrix,
  toPageChecks,
} from "./permissionMatrix.js";

describe("permission matrix", () => {
  it("ticks the cells of the role's model permissions and keeps the rest aside", () => {
    const { matrix, other } = toMatrix(
      ["model:book:change", "model:book:view", "model:*:view", "page:reports:view", "model:gone:view"],
      ["book", "author"],
    );
    expect(matrix.book).toEqual({ view: true, add: false, change: true, delete: false });
    expect(matrix.author).toEqual({ view: false, add: false, change: false, delete: false });
    expect(other).toEqual(["model:*:view", "page:reports:view", "model:gone:view"]);
  });

  it("saves exactly what was ticked, without dropping permissions the grid cannot show", () => {
    const { matrix, other } = toMatrix(["page:reports:view", "model:author:view"], ["book", "author"]);
    const edited = toggleCell(matrix, "book", "delete", true);
    expect(fromMatrix(edited, other)).toEqual([
      "model:author:view",
      "model:book:delete",
      "model:book:view",
      "page:reports:view",
    ]);
  });

  it("implies view when another action is ticked, and clears the others when view is unticked", () => {
    const { matrix } = toMatrix([], ["book"]);
    const withChange = toggleCell(matrix, "book", "change", true);
    expect(withChange.book).toEqual({ view: true, add: false, change: true, delete: false });
    expect(toggleCell(withChange, "book", "view", false).book).toEqual({
      view: false,
      add: false,
      change: false,
      delete: false,
    });
  });

  it("ticks a whole column for every model", () => {
    const { matrix } = toMatrix([], ["book", "author"]);
    expect(fromMatrix(toggleColumn(matrix, "add", true))).toEqual([
      "model:author:add",
      "model:author:view",
      "model:book:add",
      "model:book:view",
    ]);
  });

  it("ticks the registered custom pages a role may view and keeps other page grants as they are", () => {
    const { other } = toMatrix(
      ["model:book:view", "page:sales-overview:view", "page:*:view", "page:gone:view"],
      ["book"],
    );
    const split = toPageChecks(other, ["sales-overview", "stock"]);
    expect(split.pages).toEqual({ "sales-overview": true, stock: false });
    expect(split.other).toEqual(["page:*:view", "page:gone:view"]);
    const saved = fromMatrix(toMatrix(["model:book:view"], ["book"]).matrix, [
      ...split.other,
      ...fromPageChecks({ ...split.pages, "sales-overview": false, stock: true }),
    ]);
    expect(saved).toEqual(["model:book:view", "page:*:view", "page:gone:view", "page:stock:view"]);
  });
});

describe("route permission checks", () => {
  it("ticks the route permissions the server lists and keeps unknown ones aside, untouched", () => {
    const known = ["route:reports:get", "route:reports:post"];
    const { checks, other } = toChecks(["route:reports:get", "route:gone:get", "route:*:get"], known);
    expect(checks).toEqual({ "route:reports:get": true, "route:reports:post": false });
    expect(other).toEqual(["route:gone:get", "route:*:get"]);
    expect(fromChecks({ ...checks, "route:reports:post": true })).toEqual(known);
  });
});
