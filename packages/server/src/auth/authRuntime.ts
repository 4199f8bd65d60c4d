import {
  type AuthServices,
  clearSessionCookie,
  createLoginThrottle,
  createPasswordHasher,
  createSessionManager,
  type Principal,
  principalForToken,
  readSessionCookie,
} from "@atrium/auth";
import type { SchemaMeta } from "@atrium/core";
import type { Context } from "hono";
import { basePathOf } from "../mount/basePath.js";
import { type AuthOptions, isSecureRequest } from "./authOptions.js";
import { buildSchemaView, type SchemaView, viewCacheKey } from "./schemaView.js";

/** The services one app instance builds from its AuthOptions, shared by the guard and the auth routes. */
export interface AuthRuntime {
  options: AuthOptions;
  services: AuthServices;
  secure(c: Context): boolean;
  /** Secure or not, and scoped to the path the admin is served under. */
  cookieOptions(c: Context): { secure: boolean; path: string };
  tokenOf(c: Context): string | undefined;
  principalOf(c: Context): Promise<Principal | null>;
  viewFor(principal: Principal | null): SchemaView;
  /** Set-Cookie that removes the session cookie. */
  clearCookie(c: Context): string;
}

/** Distinct visibility classes kept at once; a handful of roles makes a few dozen. */
const maxCachedViews = 256;

export function createAuthRuntime(schema: SchemaMeta, options: AuthOptions): AuthRuntime {
  const now = options.now ?? (() => new Date());
  const services: AuthServices = {
    store: options.store,
    passwords: options.passwords ?? createPasswordHasher(),
    sessions: createSessionManager(options.store, { now, ...options.sessions }),
    throttle: createLoginThrottle(options.store, { now, ...options.throttle }),
    now,
  };
  const views = new Map<string, SchemaView>();
  const secure = (c: Context) => isSecureRequest(c, options.secureCookies);
  const cookieOptions = (c: Context) => ({ secure: secure(c), path: basePathOf(c) || "/" });
  const tokenOf = (c: Context) => readSessionCookie(c.req.header("Cookie"), cookieOptions(c));
  return {
    options,
    services,
    secure,
    cookieOptions,
    tokenOf,
    principalOf: (c) => principalForToken(services, tokenOf(c)),
    viewFor(principal) {
      const key = viewCacheKey(principal);
      let view = views.get(key);
      if (!view) {
        // Keys include permissions, which change at runtime: old views are dropped rather than kept forever.
        if (views.size >= maxCachedViews) views.clear();
        view = buildSchemaView(schema, principal, options.fields ?? {});
        views.set(key, view);
      }
      return view;
    },
    clearCookie: (c) => clearSessionCookie(cookieOptions(c)),
  };
}
