import { AtriumError } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { createLoginThrottle } from "./loginThrottle.js";
import { createMemoryAuthStore } from "./memoryAuthStore.js";
import { createPasswordHasher, type DeriveKey, scryptDerive } from "./passwords.js";
import { createSessionManager } from "./sessionTokens.js";
import { type AuthServices, principalForToken, signIn, signOut } from "./signIn.js";

const password = "correct horse battery";

async function setup() {
  let time = new Date("2026-03-01T08:00:00Z").getTime();
  const now = () => new Date(time);
  const derivations: number[] = [];
  const derive: DeriveKey = (text, salt, params, keyLength) => {
    derivations.push(params.N);
    return scryptDerive(text, salt, params, keyLength);
  };
  const store = createMemoryAuthStore();
  const passwords = createPasswordHasher({ N: 2 ** 10, derive });
  const services: AuthServices = {
    store,
    passwords,
    sessions: createSessionManager(store, { now }),
    throttle: createLoginThrottle(store, { now }),
    now,
  };
  const ann = await store.createUser({
    email: "Ann@example.com",
    passwordHash: await passwords.hash(password),
    createdAt: now(),
  });
  derivations.length = 0;
  return {
    services,
    store,
    ann,
    derivations,
    advance(ms: number) {
      time += ms;
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<AtriumError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AtriumError) return error;
    throw error;
  }
  throw new Error("expected an AtriumError");
}

const from = { ip: "203.0.113.7" };

describe("signIn", () => {
  it("signs in whatever the email's case, records the login and starts a session", async () => {
    const { services, store, ann } = await setup();
    const signed = await signIn(services, { email: " ann@EXAMPLE.com", password, ...from });
    expect(signed.user.id).toBe(ann.id);
    expect(signed.user.lastLoginAt).not.toBeNull();
    expect((await principalForToken(services, signed.token))?.email).toBe("Ann@example.com");
    expect((await store.listAudit({ action: "login" }))[0]).toMatchObject({
      actorId: ann.id,
      actorEmail: "Ann@example.com",
    });
  });

  it("answers an unknown account exactly as a wrong password, after the same key derivation", async () => {
    const { services, derivations } = await setup();
    const wrong = await failure(
      signIn(services, { email: "ann@example.com", password: "wrong password!", ...from }),
    );
    const wrongWork = [...derivations];
    derivations.length = 0;
    const unknown = await failure(
      signIn(services, { email: "bob@example.com", password: "wrong password!", ...from }),
    );
    expect(unknown.toBody()).toEqual(wrong.toBody());
    expect(wrong.status).toBe(401);
    expect(wrongWork).toEqual([2 ** 10]);
    expect(derivations).toEqual([2 ** 10]);
  });

  it("refuses an inactive account with the same answer, even with the right password", async () => {
    const { services, store, ann } = await setup();
    await store.updateUser(ann.id, { isActive: false });
    const error = await failure(signIn(services, { email: "ann@example.com", password, ...from }));
    expect(error.message).toBe("The email or password is incorrect.");
  });

  it("records failed sign-ins in the audit log, with the account when there is one", async () => {
    const { services, store, ann } = await setup();
    await failure(signIn(services, { email: "ann@example.com", password: "nope nope nope", ...from }));
    await failure(signIn(services, { email: "Ghost@example.com", password: "nope nope nope", ...from }));
    const failed = await store.listAudit({ action: "login_failed" });
    expect(failed.map((entry) => [entry.actorId, entry.actorEmail])).toEqual([
      [null, "ghost@example.com"],
      [ann.id, "ann@example.com"],
    ]);
  });

  it("answers 429 to the 6th try within 15 minutes, even with the right password, then lets it in", async () => {
    const { services, advance, derivations } = await setup();
    for (let i = 0; i < 5; i++) {
      await failure(signIn(services, { email: "ann@example.com", password: `guess number ${i}`, ...from }));
    }
    derivations.length = 0;
    const throttled = await failure(signIn(services, { email: "ann@example.com", password, ...from }));
    expect(throttled.status).toBe(429);
    expect(derivations).toEqual([]);
    advance(15 * 60_000);
    expect((await signIn(services, { email: "ann@example.com", password, ...from })).user.email).toBe(
      "Ann@example.com",
    );
  });

  it("survives 1,000 wrong passwords from one address with 20 key derivations", async () => {
    const { services, derivations } = await setup();
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      const error = await failure(
        signIn(services, { email: `user${i % 50}@example.com`, password: "wrong password!", ...from }),
      );
      if (error.status === 429) refused += 1;
    }
    expect(refused).toBe(980);
    expect(derivations).toHaveLength(20);
  });

  it("rotates the session: the cookie from before sign-in stops working", async () => {
    const { services } = await setup();
    const before = await signIn(services, { email: "ann@example.com", password, ...from });
    const after = await signIn(services, {
      email: "ann@example.com",
      password,
      previousToken: before.token,
      ...from,
    });
    expect(await principalForToken(services, before.token)).toBeNull();
    expect(await principalForToken(services, after.token)).not.toBeNull();
  });

  it("re-hashes a password made with older parameters at sign-in", async () => {
    const { services, store, ann } = await setup();
    const old = await createPasswordHasher({ N: 2 ** 9 }).hash(password);
    await store.updateUser(ann.id, { passwordHash: old });
    const signed = await signIn(services, { email: "ann@example.com", password, ...from });
    expect(signed.user.passwordHash).toMatch(/^scrypt\$1024\$/);
  });

  it("says which fields are missing", async () => {
    const { services } = await setup();
    const error = await failure(signIn(services, { email: "", password: 42, ...from }));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {})).toEqual(["email", "password"]);
  });
});

describe("signOut and principalForToken", () => {
  it("ends the session, records the logout, and refuses the replayed cookie", async () => {
    const { services, store } = await setup();
    const { token } = await signIn(services, { email: "ann@example.com", password, ...from });
    await signOut(services, token);
    expect(await principalForToken(services, token)).toBeNull();
    expect(await store.listAudit({ action: "logout" })).toHaveLength(1);
  });

  it("carries the user's roles and permissions, and drops deactivated users", async () => {
    const { services, store, ann } = await setup();
    const role = await store.createRole("editors");
    await store.setRolePermissions(role.id, ["model:book:change"]);
    await store.setUserRoles(ann.id, [role.id]);
    const { token } = await signIn(services, { email: "ann@example.com", password, ...from });
    const principal = await principalForToken(services, token);
    expect(principal?.roles).toEqual(["editors"]);
    expect([...(principal?.permissions ?? [])]).toEqual(["model:book:change"]);
    await store.updateUser(ann.id, { isActive: false });
    expect(await principalForToken(services, token)).toBeNull();
  });
});
