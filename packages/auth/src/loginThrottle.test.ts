import { AtriumError } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { createLoginThrottle } from "./loginThrottle.js";
import { createMemoryAuthStore } from "./memoryAuthStore.js";

const minute = 60_000;

function setup() {
  let time = new Date("2026-03-01T08:00:00Z").getTime();
  const store = createMemoryAuthStore();
  const throttle = createLoginThrottle(store, { now: () => new Date(time) });
  return {
    store,
    throttle,
    advance(ms: number) {
      time += ms;
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<AtriumError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AtriumError) return error;
    throw error;
  }
}

describe("login throttle", () => {
  const ann = { email: "ann@example.com", ip: "203.0.113.7" };

  it("answers 429 with a retry-after after 5 failures for one account within 15 minutes", async () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 5; i++) {
      expect(await refusal(throttle.check(ann))).toBeNull();
      await throttle.recordFailure(ann);
      advance(minute);
    }
    const error = await refusal(throttle.check({ ...ann, email: " ANN@example.com" }));
    expect(error?.status).toBe(429);
    // The first failure was 5 minutes ago: it leaves the window in 10 minutes.
    expect(error?.details).toEqual({ retryAfterSeconds: 600 });
    expect(error?.message).toBe("Too many failed sign-ins. Try again in 10 minutes.");
  });

  it("lets the account try again once the oldest failure leaves the window, never locking it for good", async () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 5; i++) await throttle.recordFailure(ann);
    advance(15 * minute - 1000);
    expect((await refusal(throttle.check(ann)))?.details).toEqual({ retryAfterSeconds: 1 });
    advance(1000);
    expect(await refusal(throttle.check(ann))).toBeNull();
  });

  it("counts failures per address across accounts (20 within 15 minutes)", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 20; i++) await throttle.recordFailure({ email: `user${i}@example.com`, ip: ann.ip });
    expect((await refusal(throttle.check({ email: "new@example.com", ip: ann.ip })))?.status).toBe(429);
    expect(await refusal(throttle.check({ email: "new@example.com", ip: "198.51.100.1" }))).toBeNull();
  });

  it("forgives an account's failures after a successful sign-in, but not the address's", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 4; i++) await throttle.recordFailure(ann);
    await throttle.recordSuccess(ann);
    for (let i = 0; i < 4; i++) await throttle.recordFailure(ann);
    expect(await refusal(throttle.check(ann))).toBeNull();
    expect(await throttle.prune()).toBe(0);
  });

  it("prunes attempts older than the window", async () => {
    const { throttle, advance } = setup();
    await throttle.recordFailure(ann);
    advance(16 * minute);
    expect(await throttle.prune()).toBe(2);
  });
});
