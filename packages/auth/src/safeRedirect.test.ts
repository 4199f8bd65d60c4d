import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safeRedirect.js";

describe("safeRedirectPath", () => {
  it.each([
    ["/models/book?page=2#top", "/models/book?page=2#top"],
    ["/", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/path", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["models/book", "/"],
    ["", "/"],
    [42, "/"],
    [undefined, "/"],
  ])("%s -> %s", (next, expected) => {
    expect(safeRedirectPath(next)).toBe(expected);
  });
});
