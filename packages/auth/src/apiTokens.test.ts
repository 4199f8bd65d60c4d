import { AtriumError } from "@atrium/core";
import { describe, expect, it } from "vitest";
import {
  apiTokenPrefix,
  hashApiToken,
  issueApiToken,
  principalForApiToken,
  readApiTokenInput,
  readBearerToken,
  resolveApiToken,
} from "./apiTokens.js";
import { createMemoryAuthStore } from "./memoryAuthStore.js";

const t0 = new Date("2026-03-01T08:00:00Z");
const days = (n: number) => new Date(t0.getTime() + n * 24 * 60 * 60 * 1000);

async function setup() {
  const store = createMemoryAuthStore();
  const ann = await store.createUser({ email: "ann@example.com", passwordHash: "x", createdAt: t0 });
  const role = await store.createRole("editors");
  await store.setRolePermissions(role.id, ["model:book:view"]);
  await store.setUserRoles(ann.id, [role.id]);
  const issued = await issueApiToken(
    store,
    ann.id,
    { name: "nightly export", expiresAt: days(30), readOnly: true },
    t0,
  );
  return { store, ann, ...issued };
}

async function refusal(promise: Promise<unknown>): Promise<AtriumError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AtriumError) return error;
    throw error;
  }
  throw new Error("expected the token to be refused");
}

describe("API tokens", () => {
  it("gives the user a random secret once and keeps only its SHA-256 and a short prefix", async () => {
    const { token, stored } = await setup();
    expect(token).toMatch(/^atr_[A-Za-z0-9_-]{43}$/);
    expect(stored.tokenHash).toBe(hashApiToken(token));
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.prefix).toBe(apiTokenPrefix(token));
    expect(stored.prefix).toHaveLength(12);
    expect(JSON.stringify(stored)).not.toContain(token.slice(12));
    const other = await issueApiToken(
      createMemoryAuthStore(),
      stored.userId,
      { name: "x", expiresAt: days(1), readOnly: false },
      t0,
    ).catch((error: unknown) => error);
    // Another store has no such user: a token always belongs to someone.
    expect((other as AtriumError).code).toBe("not_found");
  });

  it("acts as its user with their permissions, and records when it was last used", async () => {
    const { store, token, stored } = await setup();
    const { principal, token: live } = await principalForApiToken(store, token, days(1));
    expect(principal.email).toBe("ann@example.com");
    expect([...principal.permissions]).toEqual(["model:book:view"]);
    expect(live.readOnly).toBe(true);
    expect((await store.findApiToken(stored.id))?.lastUsedAt).toEqual(days(1));
  });

  it("refuses an expired token with 401 naming the token and when it expired", async () => {
    const { store, token } = await setup();
    expect((await resolveApiToken(store, token, new Date(days(30).getTime() - 1))).name).toBe(
      "nightly export",
    );
    const error = await refusal(resolveApiToken(store, token, days(30)));
    expect(error.code).toBe("unauthorized");
    expect(error.message).toContain("'nightly export'");
    expect(error.message).toContain("expired on 2026-03-31T08:00:00.000Z");
  });

  it("refuses a revoked token with 401 saying it was revoked", async () => {
    const { store, token, stored } = await setup();
    await store.revokeApiToken(stored.id, days(2));
    const error = await refusal(resolveApiToken(store, token, days(3)));
    expect(error.code).toBe("unauthorized");
    expect(error.message).toContain("was revoked on 2026-03-03");
  });

  it("refuses unknown, altered and malformed tokens, and the tokens of a deactivated user", async () => {
    const { store, token, ann } = await setup();
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const wrong of [altered, "atr_short", token.slice(4), ""]) {
      expect((await refusal(resolveApiToken(store, wrong, t0))).message).toContain("not valid");
    }
    await store.updateUser(ann.id, { isActive: false });
    expect((await refusal(principalForApiToken(store, token, t0))).message).toContain("deactivated");
  });

  it("reads only Bearer authorization headers", () => {
    expect(readBearerToken("Bearer atr_abc")).toBe("atr_abc");
    expect(readBearerToken("bearer  atr_abc ")).toBe("atr_abc");
    expect(readBearerToken("Basic dXNlcjpwYXNz")).toBeUndefined();
    expect(readBearerToken(undefined)).toBeUndefined();
  });
});

describe("readApiTokenInput", () => {
  const problems = (body: unknown) => {
    try {
      readApiTokenInput(body, t0);
    } catch (error) {
      return (error as AtriumError).fields;
    }
    throw new Error("expected the input to be refused");
  };

  it("requires a name and an expiry, with no never-expiring default", () => {
    expect(problems({})).toEqual({
      name: expect.stringContaining("name"),
      expiresAt: expect.stringContaining("cannot be made to never expire"),
    });
    expect(problems({ name: "x", expiresAt: null })).toHaveProperty("expiresAt");
  });

  it("refuses a past expiry, one beyond a year, and a non-boolean readOnly", () => {
    expect(problems({ name: "x", expiresAt: days(-1).toISOString() })?.expiresAt).toContain("future");
    expect(problems({ name: "x", expiresAt: days(400).toISOString() })?.expiresAt).toContain("366 days");
    expect(problems({ name: "x", expiresAt: days(7).toISOString(), readOnly: "yes" })).toEqual({
      readOnly: "Must be true or false",
    });
    expect(problems({ name: "y".repeat(101), expiresAt: days(7).toISOString() })).toHaveProperty("name");
  });

  it("accepts a name, a date within a year and the read-only flag", () => {
    expect(
      readApiTokenInput({ name: "  ci  ", expiresAt: days(365).toISOString(), readOnly: true }, t0),
    ).toEqual({ name: "ci", expiresAt: days(365), readOnly: true });
    expect(readApiTokenInput({ name: "ci", expiresAt: days(7).toISOString() }, t0).readOnly).toBe(false);
  });
});
