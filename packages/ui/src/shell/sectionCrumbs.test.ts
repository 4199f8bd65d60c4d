// @vitest-environment node
import { describe, expect, it } from "vitest";
import { sectionCrumbs } from "./sectionCrumbs.js";

const labels = (pathname: string) => sectionCrumbs(pathname).map((crumb) => crumb.label);

describe("the trail of the admin's own pages", () => {
  it("names each page as the sidebar does, under its list where it has one", () => {
    expect(labels("/history")).toEqual(["History"]);
    expect(labels("/api-reference")).toEqual(["API"]);
    expect(labels("/account/tokens")).toEqual(["API tokens"]);
    expect(labels("/admin/users")).toEqual(["Admin users"]);
    expect(labels("/admin/users/new")).toEqual(["Admin users", "New user"]);
    expect(labels("/admin/roles/4/")).toEqual(["Admin roles", "Edit role"]);
    expect(sectionCrumbs("/admin/users/7")).toEqual([
      { label: "Admin users", to: "/admin/users" },
      { label: "Edit user" },
    ]);
  });

  it("adds nothing on the home page or a path it does not know", () => {
    expect(labels("/")).toEqual([]);
    expect(labels("/admin/users/7/extra")).toEqual([]);
  });
});
