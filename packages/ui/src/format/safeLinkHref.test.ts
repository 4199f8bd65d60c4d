import { describe, expect, it } from "vitest";
import { safeLinkHref } from "./safeLinkHref.js";

describe("safeLinkHref", () => {
  it("links web addresses and e-mail the user can click", () => {
    expect(safeLinkHref("https://example.com/books?id=1")).toBe("https://example.com/books?id=1");
    expect(safeLinkHref("http://example.com")).toBe("http://example.com/");
    expect(safeLinkHref("mailto:ann@example.com")).toBe("mailto:ann@example.com");
    expect(safeLinkHref("ann@example.com")).toBe("mailto:ann@example.com");
    expect(safeLinkHref("  https://example.com  ")).toBe("https://example.com/");
  });

  it("never links a scheme that runs code or embeds a document", () => {
    for (const payload of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "java\tscript:alert(1)",
      "\u0001javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "blob:https://example.com/x",
    ]) {
      expect(safeLinkHref(payload), payload).toBeUndefined();
    }
  });

  it("shows prose, relative paths and broken addresses as text", () => {
    expect(safeLinkHref("See https://example.com for more")).toBeUndefined();
    expect(safeLinkHref("/m/book/1")).toBeUndefined();
    expect(safeLinkHref("example.com")).toBeUndefined();
    expect(safeLinkHref("https://")).toBeUndefined();
    expect(safeLinkHref("http:/example.com")).toBe("http://example.com/");
    expect(safeLinkHref("ann@example")).toBeUndefined();
    expect(safeLinkHref("<img src=x onerror=alert(1)>@x.y")).toBeUndefined();
    expect(safeLinkHref("")).toBeUndefined();
  });
});
