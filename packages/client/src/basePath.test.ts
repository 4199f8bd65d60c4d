import { describe, expect, it } from "vitest";
import { readBasePath } from "./basePath.js";

function page(content: string | null): Pick<Document, "querySelector"> {
  return {
    querySelector: (() =>
      content === null ? null : { getAttribute: () => content }) as unknown as Document["querySelector"],
  };
}

describe("readBasePath", () => {
  it("reads the base path the server put in index.html, without a trailing slash", () => {
    expect(readBasePath(page("/admin"))).toBe("/admin");
    expect(readBasePath(page("/tools/admin/"))).toBe("/tools/admin");
  });

  it("is the root without the meta, outside a browser, or when the meta names another host", () => {
    expect(readBasePath(page(null))).toBe("");
    expect(readBasePath(undefined)).toBe("");
    expect(readBasePath(page("//evil.example/admin"))).toBe("");
    expect(readBasePath(page("https://evil.example"))).toBe("");
  });
});
