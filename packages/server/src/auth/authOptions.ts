import type {
  AuthStore,
  FieldVisibilityConfig,
  LoginThrottleOptions,
  PasswordHasher,
  SessionOptions,
} from "@atrium/auth";
import type { Context } from "hono";

/** Sign-in, permissions and hidden fields. Without it the app has no sign-in at all (embedding tests only). */
export interface AuthOptions {
  /** Users, roles, sessions, throttling (e.g. `createSystemStore(...)`). */
  store: AuthStore;
  /** Idle and absolute expiry of sessions. @default createSessionManager's defaults (2 h idle, 12 h absolute) */
  sessions?: SessionOptions;
  /** @default createLoginThrottle's defaults (5 per account, 20 per IP, 15 minutes) */
  throttle?: LoginThrottleOptions;
  /** @default createPasswordHasher() (scrypt N=2^16) */
  passwords?: PasswordHasher;
  /**
   * Secure, `__Host-` prefixed cookies and HSTS. `"auto"` decides per request from its URL's scheme (behind a
   * TLS-terminating proxy, set `true`).
   * @default "auto"
   */
  secureCookies?: boolean | "auto";
  /** Which fields are hidden from whom; secret-named fields are hidden by default. @default {} */
  fields?: FieldVisibilityConfig;
  /**
   * Origins whose browser requests may write (CSRF). The server's own origin, as the request URL shows it, is
   * always allowed; add the public origin when a proxy rewrites the Host.
   * @default []
   */
  trustedOrigins?: string[];
  /**
   * The client's address, for throttling. Proxy headers are not trusted by default: anyone could forge them.
   * @default the socket's remote address (node-server), else "unknown"
   */
  clientIp?: (c: Context) => string;
  /** @default () => new Date() */
  now?: () => Date;
}

/** Paths answered without a session. `/api/auth/me` and `/api/auth/logout` answer 401 / 204 themselves. */
export const publicPaths: ReadonlySet<string> = new Set([
  "/healthz",
  "/api/auth/login",
  "/api/auth/logout",
  "/api/auth/me",
]);

export function defaultClientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

export function isSecureRequest(c: Context, setting: boolean | "auto" | undefined): boolean {
  if (setting === true || setting === false) return setting;
  return new URL(c.req.url).protocol === "https:";
}
