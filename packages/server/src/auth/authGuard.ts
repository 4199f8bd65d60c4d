import { AtriumError } from "@atrium/core";
import type { MiddlewareHandler } from "hono";
import { isApiPath } from "../middleware/spaFallback.js";
import { publicPaths } from "./authOptions.js";
import type { AuthRuntime } from "./authRuntime.js";
import { createAccess, setAccess } from "./requestAccess.js";

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * App-level: every `/api` request except the public ones needs a live session or API token, whatever route it reaches,
 * including routes added after this guard was written. What the session may do is set for the routes to check.
 */
export function authGuard(runtime: AuthRuntime): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    if (!isApiPath(path) || publicPaths.has(path)) return next();
    const credentials = await runtime.credentialsOf(c);
    if (!credentials) {
      // A cookie that no longer works is removed, so the browser stops sending it.
      if (runtime.tokenOf(c)) c.header("Set-Cookie", runtime.clearCookie(c));
      throw new AtriumError("unauthorized", "Sign in to continue.");
    }
    const { principal, apiToken } = credentials;
    // Here rather than in each route: every write route, including custom routes added later, is covered.
    if (apiToken?.readOnly && !readMethods.has(c.req.method)) {
      throw new AtriumError(
        "forbidden",
        `This API token ('${apiToken.name}', ${apiToken.prefix}…) is read-only: it may only read (GET), not ${c.req.method} ${path}`,
      );
    }
    setAccess(c, createAccess(principal, runtime.viewFor(principal), apiToken));
    return next();
  };
}
