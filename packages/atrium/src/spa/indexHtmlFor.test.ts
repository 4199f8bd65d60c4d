import { describe, expect, it } from "vitest";
import { indexHtmlFor } from "./indexHtmlFor.js";

const built = `<html><head><script type="module" src="./assets/index-1.js"></script>
<link rel="stylesheet" href="./assets/index-2.css"></head><body></body></html>`;

describe("indexHtmlFor", () => {
  it("makes asset URLs absolute at the root, so deep links load the app", () => {
    const html = indexHtmlFor(built, "/");
    expect(html).toContain('src="/assets/index-1.js"');
    expect(html).toContain('href="/assets/index-2.css"');
    expect(html).toContain('<meta name="atrium-base-path" content="/" />');
  });

  it("puts assets and the router under the path the admin is mounted at", () => {
    const html = indexHtmlFor(built, "/admin");
    expect(html).toContain('src="/admin/assets/index-1.js"');
    expect(html).toContain('<meta name="atrium-base-path" content="/admin" />');
  });
});
