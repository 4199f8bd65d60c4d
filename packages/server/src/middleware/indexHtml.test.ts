import { describe, expect, it } from "vitest";
import { indexHtmlFor } from "./indexHtml.js";

const built = [
  "<html><head>",
  '<link rel="icon" href="data:image/svg+xml,x" />',
  '<script type="module" crossorigin src="./assets/index-1.js"></script>',
  '<link rel="stylesheet" href="/assets/index-2.css">',
  '<link rel="preconnect" href="//cdn.example.com">',
  "</head><body></body></html>",
].join("\n");

describe("indexHtmlFor", () => {
  it("makes asset URLs absolute under the base path and tells the SPA where it lives", () => {
    const html = indexHtmlFor(built, "/admin");
    expect(html).toContain('src="/admin/assets/index-1.js"');
    expect(html).toContain('href="/admin/assets/index-2.css"');
    expect(html).toContain('href="data:image/svg+xml,x"');
    expect(html).toContain('href="//cdn.example.com"');
    expect(html.indexOf('<meta name="atrium-base-path" content="/admin" />')).toBeLessThan(
      html.indexOf("</head>"),
    );
  });

  it("at the root, makes relative asset URLs absolute so deep links load them, without the meta", () => {
    const html = indexHtmlFor(built, "");
    expect(html).toContain('src="/assets/index-1.js"');
    expect(html).toContain('href="/assets/index-2.css"');
    expect(html).not.toContain("atrium-base-path");
  });
});
