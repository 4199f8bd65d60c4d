import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { describe, expect, it } from "vitest";
import { testApp } from "../testing/testApp.js";
import { inlineScriptHashes } from "./securityHeaders.js";

const staticHandler: MiddlewareHandler = async (c, next) => {
  if (c.req.path === "/assets/app.js")
    return c.body("console.log(1)", 200, { "Content-Type": "text/javascript" });
  return next();
};

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get("Content-Security-Policy") ?? "";
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
  expect(response.headers.get("X-Frame-Options")).toBe("DENY");
}

describe("security headers", () => {
  const { app } = testApp(undefined, { indexHtml: "<!doctype html><title>Atrium</title>", staticHandler });

  it("are on the SPA's HTML, its static files, API answers and errors", async () => {
    const html = await app.request("/m/book", { headers: { Accept: "text/html" } });
    expect(html.headers.get("Content-Type")).toContain("text/html");
    expectSecurityHeaders(html);
    const asset = await app.request("/assets/app.js");
    expect(await asset.text()).toBe("console.log(1)");
    expectSecurityHeaders(asset);
    expectSecurityHeaders(await app.request("/api/meta"));
    expectSecurityHeaders(await app.request("/api/records/nope"));
    expectSecurityHeaders(await app.request("/healthz"));
  });

  it("let the index.html's own inline script run by its hash, and no other inline script", async () => {
    const script = "document.documentElement.dataset.theme = 'dark';";
    const html = `<!doctype html><script>${script}</script><script type="module" src="/a.js"></script>`;
    const withScript = testApp(undefined, { indexHtml: html }).app;
    const answer = await withScript.request("/", { headers: { Accept: "text/html" } });
    const hash = createHash("sha256").update(script).digest("base64");
    expect(answer.headers.get("Content-Security-Policy")).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(inlineScriptHashes(html)).toHaveLength(1);
  });

  it("add HSTS only over HTTPS", async () => {
    expect((await app.request("/healthz")).headers.get("Strict-Transport-Security")).toBeNull();
    const secure = await app.request("https://admin.example/healthz");
    expect(secure.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
  });
});
