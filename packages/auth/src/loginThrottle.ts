/**
 * Slows down password guessing: too many failures for one account, or from one IP address, within a sliding
 * window answer 429 until enough of them are older than the window. Never a permanent lock-out (that would let
 * anyone lock out an administrator by typing their email). Attempts live in the store, so every server behind
 * a load balancer counts the same failures.
 */
import { AtriumError } from "@atrium/core";
import { type AuthStore, normalizeEmail } from "./authStore.js";

export interface LoginThrottleOptions {
  /** Failures per account within the window before sign-in is refused. @default 5 */
  maxPerAccount?: number;
  /** Failures per IP address within the window (several people may share one address). @default 20 */
  maxPerIp?: number;
  /** @default 15 minutes */
  windowMs?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

export interface LoginSource {
  email: string;
  /** The client's address as the server trusts it (proxy headers resolved by the caller). */
  ip: string;
}

export interface LoginThrottle {
  /** Throws AtriumError("too_many_requests") with `details.retryAfterSeconds` when this attempt must wait. */
  check(source: LoginSource): Promise<void>;
  recordFailure(source: LoginSource): Promise<void>;
  /** A successful sign-in forgives the account's failures (not the address's: one guesser, many accounts). */
  recordSuccess(source: LoginSource): Promise<void>;
  /** Deletes attempts older than the window; for a periodic clean-up. */
  prune(): Promise<number>;
}

export function accountThrottleKey(email: string): string {
  return `account:${normalizeEmail(email)}`;
}

export function ipThrottleKey(ip: string): string {
  return `ip:${ip.trim().toLowerCase()}`;
}

export function createLoginThrottle(store: AuthStore, options: LoginThrottleOptions = {}): LoginThrottle {
  const maxPerAccount = options.maxPerAccount ?? 5;
  const maxPerIp = options.maxPerIp ?? 20;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const now = options.now ?? (() => new Date());

  /** Milliseconds until `key` has fewer than `max` failures in the window; 0 when it already has. */
  const waitFor = async (key: string, max: number, at: number): Promise<number> => {
    // The key is free again when its max-th newest failure leaves the window.
    const times = await store.listLoginAttempts(key, new Date(at - windowMs), max);
    if (times.length < max) return 0;
    const freeing = times[max - 1];
    return freeing ? Math.max(1, freeing.getTime() + windowMs - at) : 0;
  };

  return {
    async check(source) {
      const at = now().getTime();
      const waits = await Promise.all([
        waitFor(accountThrottleKey(source.email), maxPerAccount, at),
        waitFor(ipThrottleKey(source.ip), maxPerIp, at),
      ]);
      const wait = Math.max(...waits);
      if (wait > 0) {
        const retryAfterSeconds = Math.ceil(wait / 1000);
        throw new AtriumError(
          "too_many_requests",
          `Too many failed sign-ins. Try again in ${describeWait(retryAfterSeconds)}.`,
          { details: { retryAfterSeconds } },
        );
      }
    },
    async recordFailure(source) {
      const at = now();
      await store.transaction(async (tx) => {
        await tx.recordLoginAttempt(accountThrottleKey(source.email), at);
        await tx.recordLoginAttempt(ipThrottleKey(source.ip), at);
      });
    },
    recordSuccess: (source) => store.clearLoginAttempts(accountThrottleKey(source.email)),
    prune: () => store.pruneLoginAttempts(new Date(now().getTime() - windowMs)),
  };
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
