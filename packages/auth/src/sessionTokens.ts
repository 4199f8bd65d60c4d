/**
 * Server-side sessions. The cookie holds 32 random bytes; the store holds only their SHA-256, so a leaked
 * database or backup cannot be replayed as cookies. A session ends when idle too long or when its absolute
 * lifetime is over, whichever comes first.
 */
import { createHash, randomBytes } from "node:crypto";
import type { AuthStore, StoredSession } from "./authStore.js";

export interface SessionOptions {
  /** A session unused for this long is over. @default 2 hours */
  idleTimeoutMs?: number;
  /** A session is over this long after sign-in, however busy. @default 12 hours */
  absoluteTimeoutMs?: number;
  /** lastSeenAt is written at most this often, not on every request. @default 60 seconds */
  touchIntervalMs?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

export interface CreatedSession {
  /** Goes into the cookie and nowhere else. */
  token: string;
  session: StoredSession;
}

export interface SessionManager {
  /**
   * Starts a session for a user who just signed in. The session the browser came with (if any) is deleted:
   * a token planted before sign-in (session fixation) must not become a signed-in one.
   */
  start(userId: string, previousToken?: string): Promise<CreatedSession>;
  /** The live session for a cookie's token, or null (unknown, malformed, idle or expired; expired ones are deleted). */
  resolve(token: string | undefined): Promise<StoredSession | null>;
  end(token: string | undefined): Promise<void>;
  endAllForUser(userId: string): Promise<number>;
  /** Deletes every session that is over; for a periodic clean-up. */
  prune(): Promise<number>;
  readonly options: Required<Omit<SessionOptions, "now">>;
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function createSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function createSessionManager(store: AuthStore, options: SessionOptions = {}): SessionManager {
  const resolved = {
    idleTimeoutMs: options.idleTimeoutMs ?? 2 * 60 * 60 * 1000,
    absoluteTimeoutMs: options.absoluteTimeoutMs ?? 12 * 60 * 60 * 1000,
    touchIntervalMs: options.touchIntervalMs ?? 60 * 1000,
  };
  const now = options.now ?? (() => new Date());

  return {
    options: resolved,
    async start(userId, previousToken) {
      const at = now();
      const token = createSessionToken();
      const session: StoredSession = {
        tokenHash: hashSessionToken(token),
        userId,
        createdAt: at,
        lastSeenAt: at,
        expiresAt: new Date(at.getTime() + resolved.absoluteTimeoutMs),
      };
      await store.transaction(async (tx) => {
        if (previousToken && tokenPattern.test(previousToken)) {
          await tx.deleteSession(hashSessionToken(previousToken));
        }
        await tx.createSession(session);
      });
      return { token, session };
    },
    async resolve(token) {
      // Malformed cookies never reach the database.
      if (!token || !tokenPattern.test(token)) return null;
      const session = await store.findSession(hashSessionToken(token));
      if (!session) return null;
      const at = now().getTime();
      if (at >= session.expiresAt.getTime() || at - session.lastSeenAt.getTime() >= resolved.idleTimeoutMs) {
        await store.deleteSession(session.tokenHash);
        return null;
      }
      if (at - session.lastSeenAt.getTime() >= resolved.touchIntervalMs) {
        const lastSeenAt = new Date(at);
        await store.touchSession(session.tokenHash, lastSeenAt);
        return { ...session, lastSeenAt };
      }
      return session;
    },
    async end(token) {
      if (token && tokenPattern.test(token)) await store.deleteSession(hashSessionToken(token));
    },
    endAllForUser: (userId) => store.deleteUserSessions(userId),
    prune() {
      const at = now();
      return store.deleteExpiredSessions(at, new Date(at.getTime() - resolved.idleTimeoutMs));
    },
  };
}

export interface CookieOptions {
  /**
   * Over HTTPS the cookie is Secure and prefixed: `__Host-` at path `/` (bound to this host, path and HTTPS),
   * `__Secure-` under a base path, which `__Host-` does not allow.
   */
  secure: boolean;
  /**
   * The URL path the admin is served under; the browser sends the cookie to it and below only, never to the
   * rest of a site the admin is mounted in.
   * @default "/"
   */
  path?: string;
}

export function sessionCookieName(options: CookieOptions): string {
  if (!options.secure) return "atrium_session";
  return cookiePath(options) === "/" ? "__Host-atrium_session" : "__Secure-atrium_session";
}

/** The Set-Cookie value that carries a new session's token. */
export function sessionCookie(token: string, options: CookieOptions & { maxAgeSeconds: number }): string {
  return serialize(token, Math.floor(options.maxAgeSeconds), options);
}

/** The Set-Cookie value that removes the session cookie (logout, expired session). */
export function clearSessionCookie(options: CookieOptions): string {
  return serialize("", 0, options);
}

function cookiePath(options: CookieOptions): string {
  return options.path || "/";
}

function serialize(value: string, maxAge: number, options: CookieOptions): string {
  const name = sessionCookieName(options);
  const parts = [
    `${name}=${value}`,
    `Path=${cookiePath(options)}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/**
 * The session token from a Cookie request header. Over HTTPS only the prefixed cookie counts: a plain one
 * could have been set by a sibling subdomain or over HTTP.
 */
export function readSessionCookie(
  cookieHeader: string | null | undefined,
  options: CookieOptions,
): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName(options);
  for (const pair of cookieHeader.split(";")) {
    const index = pair.indexOf("=");
    if (index > 0 && pair.slice(0, index).trim() === name) {
      const value = pair.slice(index + 1).trim();
      return tokenPattern.test(value) ? value : undefined;
    }
  }
  return undefined;
}
