import { AtriumError } from "@atrium/core";
import { describe, expect, it } from "vitest";
import {
  actionPermission,
  assertCan,
  assertPermissions,
  can,
  checkPermission,
  modelPermissions,
  type Principal,
  pagePermission,
  routePermission,
} from "./permissions.js";

function principal(permissions: string[], extra: Partial<Principal> = {}): Principal {
  return {
    userId: "u1",
    email: "ann@example.com",
    isSuperuser: false,
    isActive: true,
    roles: [],
    permissions: new Set(permissions),
    ...extra,
  };
}

const none = { view: false, add: false, change: false, delete: false };
const all = { view: true, add: true, change: true, delete: true };

describe("permissions", () => {
  it.each([
    ["no roles", principal([]), none],
    ["viewer of books", principal(["model:book:view"]), { ...none, view: true }],
    ["adder of books", principal(["model:book:add"]), { ...none, add: true }],
    [
      "editor of books (change implies view)",
      principal(["model:book:change"]),
      { ...none, view: true, change: true },
    ],
    ["deleter of books", principal(["model:book:delete"]), { ...none, delete: true }],
    ["all actions on books", principal(["model:book:*"]), all],
    ["viewer of every model", principal(["model:*:view"]), { ...none, view: true }],
    ["editor of every model", principal(["model:*:change"]), { ...none, view: true, change: true }],
    ["viewer of authors only", principal(["model:author:view"]), none],
    ["superuser", principal([], { isSuperuser: true }), all],
    ["inactive superuser", principal(["model:book:view"], { isSuperuser: true, isActive: false }), none],
    ["inactive editor", principal(["model:book:change"], { isActive: false }), none],
  ])("%s on model 'book'", (_name, who, expected) => {
    expect(modelPermissions(who, "book")).toEqual(expected);
  });

  it("denies everything to nobody", () => {
    expect(modelPermissions(null, "book")).toEqual(none);
    expect(can(undefined, pagePermission("sales-overview"))).toBe(false);
  });

  it("covers custom pages, actions and routes with the same strings", () => {
    const who = principal([
      pagePermission("sales-overview"),
      actionPermission("book", "publish"),
      "route:report:*",
    ]);
    expect(pagePermission("sales-overview")).toBe("page:sales-overview:view");
    expect(actionPermission("book", "publish")).toBe("action:book:publish:run");
    expect(can(who, "page:sales-overview:view")).toBe(true);
    expect(can(who, "page:inventory:view")).toBe(false);
    expect(can(who, "action:book:publish:run")).toBe(true);
    expect(can(who, "action:book:unpublish:run")).toBe(false);
    expect(can(who, routePermission("report", "GET"))).toBe(true);
    // Viewing a page or running an action does not grant the model.
    expect(modelPermissions(who, "book")).toEqual(none);
  });

  it("never lets a wildcard cross segments", () => {
    expect(can(principal(["model:*"]), "model:book:view")).toBe(false);
    expect(can(principal(["*"]), "model:book:view")).toBe(false);
    expect(can(principal(["model:book:view"]), "model:book:view:extra")).toBe(false);
  });

  it("answers 401 without a principal and 403 with one that lacks the permission", () => {
    expect(() => assertCan(null, "model:book:view")).toThrow(AtriumError);
    try {
      assertCan(null, "model:book:view");
    } catch (error) {
      expect((error as AtriumError).status).toBe(401);
    }
    try {
      assertCan(principal([]), "model:book:delete");
    } catch (error) {
      expect((error as AtriumError).status).toBe(403);
      expect((error as AtriumError).message).toContain("model:book:delete");
    }
    expect(() => assertCan(principal(["model:book:delete"]), "model:book:delete")).not.toThrow();
  });

  it.each([
    ["model:book:view", null],
    ["model:*:delete", null],
    ["page:sales-overview:view", null],
    ["action:book:publish:run", null],
    ["route:report:get", null],
    ["model:book:publish", "does not match model:<model>:view|add|change|delete"],
    ["model::view", "invalid segment"],
    ["model:book view:view", "invalid segment"],
    ["table:book:view", "must start with model:, page:, action: or route:"],
    ["action:book:run", "does not match action:<model>:<action>:run"],
  ])("checks the permission string %s", (permission, problem) => {
    const found = checkPermission(permission);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it("names the index of the first malformed permission", () => {
    try {
      assertPermissions(["model:book:view", "model:book:fly"]);
      expect.unreachable();
    } catch (error) {
      expect((error as AtriumError).status).toBe(422);
      expect(Object.keys((error as AtriumError).fields ?? {})).toEqual(["permissions.1"]);
    }
  });
});
