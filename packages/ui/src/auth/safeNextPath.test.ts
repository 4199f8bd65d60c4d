import { describe, expect, it } from "vitest";
import { loginPath, pathBelowBase, safeNextPath } from "./safeNextPath.js";

describe("safeNextPath", () => {
  it.each([
    ["/m/book?page=2#top", "/m/book?page=2#top"],
    ["/", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/path", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["m/book", "/"],
    ["", "/"],
    [null, "/"],
    [undefined, "/"],
  ])("%s -> %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
  it("never sends the user back to the login page, and builds login links with next", () => {
    expect(safeNextPath("/login?next=/x")).toBe("/");
    expect(loginPath("/m/book?page=2")).toBe("/login?next=%2Fm%2Fbook%3Fpage%3D2");
    expect(loginPath("/")).toBe("/login");
  });
});

describe("pathBelowBase", () => {
  it("takes the base path off a browser path, so that sign-in brings a mounted admin's user back", () => {
    expect(pathBelowBase("/admin/m/book/7", "/admin")).toBe("/m/book/7");
    expect(pathBelowBase("/admin", "/admin")).toBe("/");
    expect(pathBelowBase("/admin/", "/admin")).toBe("/");
    expect(pathBelowBase("/admin/login", "/admin")).toBe("/login");
    expect(pathBelowBase("/m/book", "")).toBe("/m/book");
    expect(pathBelowBase("/administrators", "/admin")).toBe("/administrators");
  });
});
