/**
 * API tokens: bearer secrets for scripts and front-end apps, acting as the user they belong to with that user's
 * permissions and hidden fields. 32 random bytes make a token that cannot be guessed or brute-forced, so a fast
 * SHA-256 of it is the right thing to store (a slow password hash buys nothing against 256 bits of entropy).
 * The first characters are kept in clear as a prefix, so a user can tell their tokens apart in a list.
 */
import { createHash, randomBytes } from "node:crypto";
import { AtriumError } from "@atrium/core";
import type { AuthStore, StoredApiToken } from "./authStore.js";
import type { Principal } from "./permissions.js";
import { principalOfUser } from "./signIn.js";

/** Tells Atrium's tokens apart from others in a script's environment or a secret scanner's rules. */
export const apiTokenMarker = "atr_";
/** Marker plus 8 random characters: enough to recognise a token, far too few to guess the rest. */
const prefixLength = apiTokenMarker.length + 8;
const tokenPattern = /^atr_[A-Za-z0-9_-]{43}$/;
/** The longest life a token may be given: one that leaks should not work for years. */
export const maxApiTokenDays = 366;
const day = 24 * 60 * 60 * 1000;
/** lastUsedAt is written at most this often, not on every request. */
const touchIntervalMs = 60 * 1000;

export function createApiTokenSecret(): string {
  return `${apiTokenMarker}${randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function apiTokenPrefix(token: string): string {
  return token.slice(0, prefixLength);
}

export interface ApiTokenInput {
  name: string;
  expiresAt: Date;
  readOnly: boolean;
}

/**
 * Checks a create request's body: a name, an expiry in the future and at most maxApiTokenDays ahead (there is no
 * never-expiring token), and an optional read-only flag. Throws validation_failed naming each bad field.
 */
export function readApiTokenInput(body: unknown, now: Date): ApiTokenInput {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AtriumError(
      "bad_request",
      'Send { "name": "...", "expiresAt": "<ISO date>", "readOnly": true|false }',
    );
  }
  const input = body as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (name === "") fields.name = "Give the token a name, e.g. what will use it";
  else if (name.length > 100) fields.name = "At most 100 characters";
  const expiresAt = typeof input.expiresAt === "string" ? new Date(input.expiresAt) : null;
  if (!expiresAt || Number.isNaN(expiresAt.getTime())) {
    fields.expiresAt = "Choose when the token expires (an ISO date); tokens cannot be made to never expire";
  } else if (expiresAt.getTime() <= now.getTime()) {
    fields.expiresAt = "Choose a date in the future";
  } else if (expiresAt.getTime() > now.getTime() + maxApiTokenDays * day) {
    fields.expiresAt = `At most ${maxApiTokenDays} days ahead; create a new token when it expires`;
  }
  if (input.readOnly !== undefined && typeof input.readOnly !== "boolean") {
    fields.readOnly = "Must be true or false";
  }
  const problems = Object.entries(fields);
  if (problems.length > 0) {
    throw new AtriumError(
      "validation_failed",
      problems.map(([field, problem]) => `${field}: ${problem}`).join("; "),
      { fields },
    );
  }
  return { name, expiresAt: expiresAt as Date, readOnly: input.readOnly === true };
}

export interface CreatedApiToken {
  /** Shown to the user once, right after creation; only its hash is kept. */
  token: string;
  stored: StoredApiToken;
}

export async function issueApiToken(
  store: AuthStore,
  userId: string,
  input: ApiTokenInput,
  now: Date,
): Promise<CreatedApiToken> {
  const token = createApiTokenSecret();
  const stored = await store.createApiToken({
    userId,
    name: input.name,
    prefix: apiTokenPrefix(token),
    tokenHash: hashApiToken(token),
    readOnly: input.readOnly,
    createdAt: now,
    expiresAt: input.expiresAt,
  });
  return { token, stored };
}

/**
 * The live token behind an `Authorization: Bearer` value. Throws 401 with a message that says what happened
 * (unknown, revoked or expired) and what to do: a script's log should tell its owner why it stopped working.
 */
export async function resolveApiToken(store: AuthStore, token: string, now: Date): Promise<StoredApiToken> {
  // Malformed tokens never reach the database.
  const stored = tokenPattern.test(token) ? await store.findApiTokenByHash(hashApiToken(token)) : null;
  if (!stored) {
    throw new AtriumError(
      "unauthorized",
      "This API token is not valid: check that it was copied whole, or create a new one in the admin",
    );
  }
  if (stored.revokedAt) {
    throw new AtriumError(
      "unauthorized",
      `This API token ('${stored.name}', ${stored.prefix}…) was revoked on ${stored.revokedAt.toISOString()}; create a new one in the admin`,
    );
  }
  if (now.getTime() >= stored.expiresAt.getTime()) {
    throw new AtriumError(
      "unauthorized",
      `This API token ('${stored.name}', ${stored.prefix}…) expired on ${stored.expiresAt.toISOString()}; create a new one in the admin`,
    );
  }
  if (!stored.lastUsedAt || now.getTime() - stored.lastUsedAt.getTime() >= touchIntervalMs) {
    await store.touchApiToken(stored.id, now);
    return { ...stored, lastUsedAt: now };
  }
  return stored;
}

/** The token in an `Authorization: Bearer <token>` header, or undefined when the header is absent or not Bearer. */
export function readBearerToken(header: string | null | undefined): string | undefined {
  const match = header?.match(/^Bearer[ ]+(\S+)\s*$/i);
  return match?.[1];
}

export interface TokenPrincipal {
  principal: Principal;
  token: StoredApiToken;
}

/**
 * The principal an API token acts as: its user, with the user's roles and permissions as they are now (a
 * permission taken from the user is taken from their tokens at once). A deactivated user's tokens stop working.
 */
export async function principalForApiToken(
  store: AuthStore,
  bearer: string,
  now: Date,
): Promise<TokenPrincipal> {
  const token = await resolveApiToken(store, bearer, now);
  const user = await store.findUserById(token.userId);
  if (!user?.isActive) {
    throw new AtriumError(
      "unauthorized",
      "This API token's user is deactivated; a superuser can reactivate the account",
    );
  }
  return { principal: await principalOfUser(store, user), token };
}
