import { model } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { permissionsOf, readOnlyMessage } from "./modelPermissions.js";

const book = model("Book", []);

describe("permissionsOf", () => {
  it("offers everything when the server sends no permissions (an app without sign-in)", () => {
    expect(permissionsOf(book)).toEqual({ view: true, add: true, change: true, delete: true });
  });

  it("offers only what the meta grants, and nothing for a model that is not listed", () => {
    const viewer = { ...book, permissions: { view: true, add: false, change: false, delete: false } };
    expect(permissionsOf(viewer)).toEqual({ view: true, add: false, change: false, delete: false });
    expect(permissionsOf(undefined)).toEqual({ view: false, add: false, change: false, delete: false });
  });

  it("tells a view-only user what they cannot do", () => {
    const viewer = { ...book, permissions: { view: true, add: false, change: false, delete: false } };
    expect(readOnlyMessage(viewer)).toMatch(/^You can view but not change books\./);
    expect(readOnlyMessage(viewer, "add")).toMatch(/^You can view but not add books\./);
  });

  it("withholds what the config turns off (models.<Model>.actions), with or without sign-in, and says so", () => {
    const noDelete = { ...book, admin: { actions: { add: true, change: true, delete: false } } };
    expect(permissionsOf(noDelete)).toEqual({ view: true, add: true, change: true, delete: false });
    const granted = { ...noDelete, permissions: { view: true, add: true, change: true, delete: true } };
    expect(permissionsOf(granted).delete).toBe(false);
    expect(readOnlyMessage(granted, "delete")).toBe("Books cannot be deleted in this admin.");
  });
});
