import { AtriumError } from "@atrium/core";
import type { MiddlewareHandler } from "hono";
import { isApiPath } from "../middleware/spaFallback.js";
import { publicPaths } from "./authOptions.js";
import type { AuthRuntime } from "./authRuntime.js";
import { createAccess, setAccess } from "./requestAccess.js";

/**
 * App-level: every `/api` request except the public ones needs a live session, whatever route it reaches,
 * including routes added after this guard was written. What the session may do is set for the routes to check.
 */
export function authGuard(runtime: AuthRuntime): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    if (!isApiPath(path) || publicPaths.has(path)) return next();
    const principal = await runtime.principalOf(c);
    if (!principal) {
      // A cookie that no longer works is removed, so the browser stops sending it.
      if (runtime.tokenOf(c)) c.header("Set-Cookie", runtime.clearCookie(c));
      throw new AtriumError("unauthorized", "Sign in to continue.");
    }
    setAccess(c, createAccess(principal, runtime.viewFor(principal)));
    return next();
  };
}
