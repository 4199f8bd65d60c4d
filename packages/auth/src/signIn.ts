/**
 * Sign-in, sign-out and "who is this cookie": the flows that tie passwords, throttling, sessions and the audit
 * log together. Unknown accounts, wrong passwords and inactive accounts get the same answer after the same
 * work (one key derivation each), so neither the message nor the timing says which emails have accounts.
 */
import { AtriumError } from "@atrium/core";
import { type AuthStore, type AuthUser, normalizeEmail, type StoredSession } from "./authStore.js";
import type { LoginThrottle } from "./loginThrottle.js";
import type { PasswordHasher } from "./passwords.js";
import type { Principal } from "./permissions.js";
import type { SessionManager } from "./sessionTokens.js";

export interface AuthServices {
  store: AuthStore;
  passwords: PasswordHasher;
  sessions: SessionManager;
  throttle: LoginThrottle;
  /** @default () => new Date() */
  now?: () => Date;
}

export interface SignInRequest {
  email: unknown;
  password: unknown;
  /** The client's address, for throttling. */
  ip: string;
  /** The session token the browser came with, if any: it is deleted (rotation). */
  previousToken?: string;
}

export interface SignedIn {
  user: AuthUser;
  /** For the Set-Cookie header only. */
  token: string;
  session: StoredSession;
}

const wrongCredentials = "The email or password is incorrect.";

export async function signIn(services: AuthServices, request: SignInRequest): Promise<SignedIn> {
  const now = services.now ?? (() => new Date());
  const email = typeof request.email === "string" ? request.email.trim() : "";
  const password = typeof request.password === "string" ? request.password : "";
  if (email === "" || email.length > 320 || password === "") {
    const fields: Record<string, string> = {};
    if (email === "" || email.length > 320) fields.email = "Enter your email address.";
    if (password === "") fields.password = "Enter your password.";
    throw new AtriumError("validation_failed", "Enter your email address and password.", { fields });
  }
  const source = { email, ip: request.ip };
  await services.throttle.check(source);

  const user = await services.store.findUserByEmail(email);
  // Longer than any password the policy accepts: refused without hashing megabytes, for every account alike.
  const plausible = password.length <= 1024;
  let valid = false;
  if (user && plausible) valid = await services.passwords.verify(password, user.passwordHash);
  else if (plausible) await services.passwords.verifyAgainstDummy(password);

  if (!user || !valid || !user.isActive) {
    await services.throttle.recordFailure(source);
    await services.store.appendAudit({
      at: now(),
      actorId: user?.id ?? null,
      actorEmail: normalizeEmail(email),
      action: "login_failed",
      model: null,
      recordId: null,
      changes: {},
      revertOf: null,
    });
    throw new AtriumError("unauthorized", wrongCredentials);
  }

  await services.throttle.recordSuccess(source);
  const { token, session } = await services.sessions.start(user.id, request.previousToken);
  const at = now();
  const patch: Partial<AuthUser> = { lastLoginAt: at };
  // Parameters raised since this hash was made: the password is at hand only now.
  if (services.passwords.needsRehash(user.passwordHash))
    patch.passwordHash = await services.passwords.hash(password);
  const updated = await services.store.transaction(async (tx) => {
    const saved = await tx.updateUser(user.id, patch);
    await tx.appendAudit({
      at,
      actorId: user.id,
      actorEmail: user.email,
      action: "login",
      model: null,
      recordId: null,
      changes: {},
      revertOf: null,
    });
    return saved;
  });
  return { user: updated, token, session };
}

export async function signOut(services: AuthServices, token: string | undefined): Promise<void> {
  const now = services.now ?? (() => new Date());
  const session = await services.sessions.resolve(token);
  await services.sessions.end(token);
  if (!session) return;
  const user = await services.store.findUserById(session.userId);
  await services.store.appendAudit({
    at: now(),
    actorId: session.userId,
    actorEmail: user?.email ?? "",
    action: "logout",
    model: null,
    recordId: null,
    changes: {},
    revertOf: null,
  });
}

/** The principal behind a session token, or null (no session, expired, user gone or deactivated). */
export async function principalForToken(
  services: AuthServices,
  token: string | undefined,
): Promise<Principal | null> {
  const session = await services.sessions.resolve(token);
  if (!session) return null;
  const user = await services.store.findUserById(session.userId);
  if (!user?.isActive) {
    await services.sessions.end(token);
    return null;
  }
  return principalOfUser(services.store, user);
}

/** A user as a principal: their roles and permissions as the store has them now. Sessions and API tokens alike. */
export async function principalOfUser(store: AuthStore, user: AuthUser): Promise<Principal> {
  const [roles, permissions] = await Promise.all([
    store.listUserRoles(user.id),
    store.listUserPermissions(user.id),
  ]);
  return {
    userId: user.id,
    email: user.email,
    isSuperuser: user.isSuperuser,
    isActive: user.isActive,
    roles: roles.map((role) => role.name),
    permissions: new Set(permissions),
  };
}
