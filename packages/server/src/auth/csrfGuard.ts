import { readBearerToken } from "@atrium/auth";
import { AtriumError } from "@atrium/core";
import type { MiddlewareHandler } from "hono";
import { isApiPath } from "../middleware/spaFallback.js";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from the admin's own pages. Browsers send `Origin` with every
 * cross-origin request and with same-origin non-GET fetches; when it is missing, `Sec-Fetch-Site` must say
 * same-origin. Unlike Hono's csrf middleware this covers JSON requests too: a cross-site page can send
 * `text/plain` or, with CORS misconfigured elsewhere, JSON.
 */
export function csrfGuard(trustedOrigins: readonly string[] = []): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method) || !isApiPath(c.req.path)) return next();
    // CSRF rides on what the browser adds by itself: the cookie. A request with an API token and no cookie
    // carries nothing a cross-site page could borrow (a page cannot make the browser add an Authorization
    // header for another origin), so the origin check has nothing to protect. With a cookie it still applies.
    if (c.req.header("Cookie") === undefined && readBearerToken(c.req.header("Authorization"))) return next();
    const own = new URL(c.req.url).origin;
    const origin = c.req.header("Origin");
    const allowed =
      origin !== undefined
        ? origin === own || trustedOrigins.includes(origin)
        : c.req.header("Sec-Fetch-Site") === "same-origin";
    if (!allowed) {
      throw new AtriumError(
        "forbidden",
        "Cross-site request refused: writes must come from the admin's own pages (Origin header mismatch)",
      );
    }
    return next();
  };
}
