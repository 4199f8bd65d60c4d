import { describe, expect, it } from "vitest";
import type { AuthStore } from "./authStore.js";
import { createMemoryAuthStore } from "./memoryAuthStore.js";
import {
  clearSessionCookie,
  createSessionManager,
  hashSessionToken,
  readSessionCookie,
  sessionCookie,
} from "./sessionTokens.js";

const minute = 60_000;
const hour = 60 * minute;

async function setup() {
  let time = new Date("2026-03-01T08:00:00Z").getTime();
  const store: AuthStore = createMemoryAuthStore();
  const user = await store.createUser({
    email: "ann@example.com",
    passwordHash: "x",
    createdAt: new Date(time),
  });
  const sessions = createSessionManager(store, { now: () => new Date(time) });
  return {
    store,
    user,
    sessions,
    advance(ms: number) {
      time += ms;
    },
  };
}

describe("sessions", () => {
  it("gives the browser a random token and keeps only its hash", async () => {
    const { sessions, store, user } = await setup();
    const { token, session } = await sessions.start(user.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.tokenHash).toBe(hashSessionToken(token));
    expect(session.tokenHash).not.toContain(token);
    expect(await store.findSession(hashSessionToken(token))).toEqual(session);
    expect((await sessions.start(user.id)).token).not.toBe(token);
  });

  it("defaults to 2 hours idle and 12 hours absolute", async () => {
    const { sessions } = await setup();
    expect(sessions.options).toEqual({
      idleTimeoutMs: 2 * hour,
      absoluteTimeoutMs: 12 * hour,
      touchIntervalMs: minute,
    });
  });

  it("ends a session left idle for 2 hours, and deletes it", async () => {
    const { sessions, store, user, advance } = await setup();
    const { token } = await sessions.start(user.id);
    advance(2 * hour - 1);
    expect(await sessions.resolve(token)).not.toBeNull();
    advance(2 * hour);
    expect(await sessions.resolve(token)).toBeNull();
    expect(await store.findSession(hashSessionToken(token))).toBeNull();
  });

  it("ends a busy session 12 hours after sign-in", async () => {
    const { sessions, user, advance } = await setup();
    const { token } = await sessions.start(user.id);
    for (let elapsed = 0; elapsed < 12 * hour - 30 * minute; elapsed += 30 * minute) {
      advance(30 * minute);
      expect(await sessions.resolve(token)).not.toBeNull();
    }
    advance(30 * minute);
    expect(await sessions.resolve(token)).toBeNull();
  });

  it("records activity at most once a minute", async () => {
    const { sessions, store, user, advance } = await setup();
    const { token, session } = await sessions.start(user.id);
    advance(30_000);
    await sessions.resolve(token);
    expect((await store.findSession(session.tokenHash))?.lastSeenAt).toEqual(session.lastSeenAt);
    advance(30_000);
    const touched = await sessions.resolve(token);
    expect((await store.findSession(session.tokenHash))?.lastSeenAt).toEqual(touched?.lastSeenAt);
    expect(touched?.lastSeenAt.getTime()).toBe(session.lastSeenAt.getTime() + minute);
  });

  it("rotates at sign-in: the token the browser came with stops working", async () => {
    const { sessions, user } = await setup();
    const planted = await sessions.start(user.id);
    const fresh = await sessions.start(user.id, planted.token);
    expect(await sessions.resolve(planted.token)).toBeNull();
    expect(await sessions.resolve(fresh.token)).not.toBeNull();
  });

  it("ignores malformed tokens and ends sessions on logout", async () => {
    const { sessions, user } = await setup();
    expect(await sessions.resolve(undefined)).toBeNull();
    expect(await sessions.resolve("' OR 1=1 --")).toBeNull();
    const { token } = await sessions.start(user.id);
    await sessions.end(token);
    expect(await sessions.resolve(token)).toBeNull();
  });

  it("prunes sessions that are over", async () => {
    const { sessions, user, advance } = await setup();
    const old = await sessions.start(user.id);
    advance(3 * hour);
    const current = await sessions.start(user.id);
    expect(await sessions.prune()).toBe(1);
    expect(await sessions.resolve(current.token)).not.toBeNull();
    expect(await sessions.resolve(old.token)).toBeNull();
  });
});

describe("session cookie", () => {
  const token = "A".repeat(43);

  it("is HttpOnly, SameSite=Lax and scoped to / over HTTP", () => {
    expect(sessionCookie(token, { secure: false, maxAgeSeconds: 43_200 })).toBe(
      `atrium_session=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200`,
    );
  });

  it("is Secure and __Host- prefixed over HTTPS", () => {
    expect(sessionCookie(token, { secure: true, maxAgeSeconds: 60 })).toBe(
      `__Host-atrium_session=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure`,
    );
    expect(clearSessionCookie({ secure: true })).toBe(
      "__Host-atrium_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure",
    );
  });

  it("is scoped to the base path the admin is mounted under, __Secure- prefixed there over HTTPS", () => {
    expect(sessionCookie(token, { secure: false, path: "/admin", maxAgeSeconds: 60 })).toBe(
      `atrium_session=${token}; Path=/admin; HttpOnly; SameSite=Lax; Max-Age=60`,
    );
    expect(clearSessionCookie({ secure: true, path: "/admin" })).toBe(
      "__Secure-atrium_session=; Path=/admin; HttpOnly; SameSite=Lax; Max-Age=0; Secure",
    );
    const header = `__Secure-atrium_session=${token}`;
    expect(readSessionCookie(header, { secure: true, path: "/admin" })).toBe(token);
    expect(readSessionCookie(header, { secure: true })).toBeUndefined();
  });

  it("is read back from a Cookie header, and only under the name for the scheme", () => {
    const header = `theme=dark; atrium_session=${token}; other=1`;
    expect(readSessionCookie(header, { secure: false })).toBe(token);
    expect(readSessionCookie(header, { secure: true })).toBeUndefined();
    expect(readSessionCookie(`__Host-atrium_session=${token}`, { secure: true })).toBe(token);
    expect(readSessionCookie("atrium_session=short", { secure: false })).toBeUndefined();
    expect(readSessionCookie(undefined, { secure: false })).toBeUndefined();
  });
});
