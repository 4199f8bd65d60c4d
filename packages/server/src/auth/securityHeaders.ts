import type { MiddlewareHandler } from "hono";

/**
 * The SPA loads only its own scripts (the theme script is a file, not inline), so script-src 'self' holds.
 * Inline styles stay allowed: React sets `style` attributes (column widths), which CSP treats as inline.
 */
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
export function securityHeaders(isHttps: (url: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header("Content-Security-Policy", contentSecurityPolicy);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    c.header("X-Frame-Options", "DENY");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    if (isHttps(c.req.url)) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  };
}
