import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";

/**
 * Scripts run only from the site's own files, plus the inline scripts of the SPA's index.html by hash (its
 * theme script must run before the first paint); injected markup cannot run script. Inline styles stay
 * allowed: React sets `style` attributes (column widths), which CSP treats as inline.
 */
export function contentSecurityPolicyFor(indexHtml?: string): string {
  const hashes = indexHtml ? inlineScriptHashes(indexHtml).map((hash) => ` '${hash}'`) : [];
  return contentSecurityPolicy.replace("script-src 'self'", `script-src 'self'${hashes.join("")}`);
}

/** `sha256-...` of each inline `<script>` (without `src`), exactly as the browser hashes its text. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(
      `sha256-${createHash("sha256")
        .update(match[1] ?? "", "utf8")
        .digest("base64")}`,
    );
  }
  return hashes;
}

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** Headers for every response, API, HTML and static files alike; HSTS only where the request came over HTTPS. */
export function securityHeaders(isHttps: (url: string) => boolean, indexHtml?: string): MiddlewareHandler {
  const policy = contentSecurityPolicyFor(indexHtml);
  return async (c, next) => {
    await next();
    c.header("Content-Security-Policy", policy);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    c.header("X-Frame-Options", "DENY");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    if (isHttps(c.req.url)) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  };
}
