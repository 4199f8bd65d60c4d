import {
  type AuthServices,
  clearSessionCookie,
  createLoginThrottle,
  createPasswordHasher,
  createSessionManager,
  type Principal,
  principalForApiToken,
  principalForToken,
  readBearerToken,
  readSessionCookie,
  type StoredApiToken,
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
  /** The session token of the request's cookie. */
  tokenOf(c: Context): string | undefined;
  /** The API token of the request's `Authorization: Bearer` header. */
  bearerOf(c: Context): string | undefined;
  /**
   * Who the request is: from its API token when it has one (throwing a 401 that says whether the token is
   * unknown, revoked or expired), else from its session cookie (null when there is none that works).
   */
  credentialsOf(c: Context): Promise<{ principal: Principal; apiToken: StoredApiToken | null } | null>;
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
  const bearerOf = (c: Context) => readBearerToken(c.req.header("Authorization"));
  const credentialsOf: AuthRuntime["credentialsOf"] = async (c) => {
    const bearer = bearerOf(c);
    if (bearer !== undefined) {
      const { principal, token } = await principalForApiToken(options.store, bearer, now());
      return { principal, apiToken: token };
    }
    const principal = await principalForToken(services, tokenOf(c));
    return principal ? { principal, apiToken: null } : null;
  };
  return {
    options,
    services,
    secure,
    cookieOptions,
    tokenOf,
    bearerOf,
    credentialsOf,
    principalOf: async (c) => (await credentialsOf(c))?.principal ?? null,
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
