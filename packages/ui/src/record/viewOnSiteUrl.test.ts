import { describe, expect, it } from "vitest";
import { viewOnSiteUrl } from "./viewOnSiteUrl.js";

describe("viewOnSiteUrl", () => {
  it("fills each {field} with the record's value, URL-encoded", () => {
    expect(
      viewOnSiteUrl("https://shop.example/books/{isbn}?t={title}", { isbn: "978", title: "War & Peace/2" }),
    ).toBe("https://shop.example/books/978?t=War%20%26%20Peace%2F2");
    expect(viewOnSiteUrl("/authors/{id}", { id: 7 })).toBe("/authors/7");
  });

  it("gives no link when a named value is empty or hidden (absent from the record)", () => {
    expect(viewOnSiteUrl("/books/{slug}", { slug: null })).toBeNull();
    expect(viewOnSiteUrl("/books/{slug}", {})).toBeNull();
    expect(viewOnSiteUrl(undefined, { id: 1 })).toBeNull();
  });

  it("never gives a link that is not http(s) or root-relative, whatever the values", () => {
    expect(viewOnSiteUrl("{scheme}alert(1)", { scheme: "javascript:" })).toBeNull();
    expect(viewOnSiteUrl("//{host}/x", { host: "evil.example" })).toBeNull();
  });
});
