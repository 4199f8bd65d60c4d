import { AtriumError } from "@atrium/core";
import { describe, expect, it } from "vitest";
import {
  assertPasswordPolicy,
  checkPasswordPolicy,
  createPasswordHasher,
  type DeriveKey,
  hashPassword,
  scryptDerive,
  verifyPassword,
} from "./passwords.js";

/** Cheap parameters: these tests are about behaviour, not cost. */
const fast = { N: 2 ** 10 };

function countingDerive() {
  const calls: { N: number; keyLength: number }[] = [];
  const derive: DeriveKey = async (password, salt, params, keyLength) => {
    calls.push({ N: params.N, keyLength });
    return scryptDerive(password, salt, params, keyLength);
  };
  return { derive, calls };
}

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one, with the default cost", async () => {
    const encoded = await hashPassword("correct horse battery");
    expect(encoded).toMatch(/^scrypt\$65536\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("correct horse battery", encoded)).toBe(true);
    expect(await verifyPassword("correct horse batterY", encoded)).toBe(false);
  });

  it("salts every hash, so equal passwords give different hashes", async () => {
    const hasher = createPasswordHasher(fast);
    const [a, b] = await Promise.all([hasher.hash("same password!"), hasher.hash("same password!")]);
    expect(a).not.toBe(b);
    expect(await hasher.verify("same password!", b)).toBe(true);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const hasher = createPasswordHasher(fast);
    const encoded = await hasher.hash("caf\u00e9 au lait!");
    expect(await hasher.verify("cafe\u0301 au lait!", encoded)).toBe(true);
  });

  it("still verifies hashes made with older parameters, and says they need re-hashing", async () => {
    const old = await createPasswordHasher({ N: 2 ** 9 }).hash("an old password");
    const current = createPasswordHasher(fast);
    expect(await current.verify("an old password", old)).toBe(true);
    expect(current.needsRehash(old)).toBe(true);
    expect(current.needsRehash(await current.hash("x"))).toBe(false);
  });

  it("refuses malformed or tampered hashes without throwing, after the same work", async () => {
    const { derive, calls } = countingDerive();
    const hasher = createPasswordHasher({ ...fast, derive });
    for (const bad of [
      "",
      "plain",
      "scrypt$abc$8$1$c2FsdA==$aGFzaA==",
      "bcrypt$1$2$3$4$5",
      "scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    ]) {
      expect(await hasher.verify("password", bad)).toBe(false);
    }
    // One derivation per check, at the current cost, never at the tampered one.
    expect(calls).toEqual(Array(5).fill({ N: 2 ** 10, keyLength: 32 }));
  });

  it("spends one key derivation at the current cost for an unknown account, as for a real one", async () => {
    const { derive, calls } = countingDerive();
    const hasher = createPasswordHasher({ ...fast, derive });
    const encoded = await hasher.hash("the real password");
    calls.length = 0;
    expect(await hasher.verify("a wrong password", encoded)).toBe(false);
    expect(await hasher.verifyAgainstDummy("a wrong password")).toBe(false);
    expect(await hasher.verifyAgainstDummy("the real password")).toBe(false);
    expect(calls).toEqual([
      { N: 2 ** 10, keyLength: 32 },
      { N: 2 ** 10, keyLength: 32 },
      { N: 2 ** 10, keyLength: 32 },
    ]);
  });

  it("refuses a cost that is not a power of two when configured", () => {
    expect(() => createPasswordHasher({ N: 1000 })).toThrow("power of two");
  });
});

describe("password policy", () => {
  it.each([
    ["short1!", "Use at least 12 characters."],
    ["aaaaaaaaaaaaaaaa", "Use more than one distinct character."],
    [`${"x".repeat(1024)}y`, "Use at most 1024 characters."],
    ["ann@example.com", "The password must not be the email address."],
    ["correct horse battery", null],
    ["🙂🙃🙂🙃🙂🙃🙂🙃🙂🙃🙂🙃", null],
  ])("%s -> %s", (password, message) => {
    expect(checkPasswordPolicy(password, { email: "Ann@example.com" })).toBe(message);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(checkPasswordPolicy("🙂🙃🙂🙃🙂🙃")).toBe("Use at least 12 characters.");
  });

  it("answers a policy breach as a validation error on the password field", () => {
    let error: unknown;
    try {
      assertPasswordPolicy("short", { field: "newPassword" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AtriumError);
    expect((error as AtriumError).status).toBe(422);
    expect((error as AtriumError).fields).toEqual({ newPassword: "Use at least 12 characters." });
  });
});
