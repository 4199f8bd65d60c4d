/**
 * Password hashing with scrypt from node:crypto (no native add-on to build). Hashes carry their parameters
 * (`scrypt$N$r$p$salt$hash`, base64), so raising the cost later still verifies old hashes; needsRehash says
 * when to re-hash one after a successful sign-in.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { AtriumError } from "@atrium/core";

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The key derivation function; injectable so tests can count calls and run fast. */
export type DeriveKey = (
  password: string,
  salt: Buffer,
  params: ScryptParams,
  keyLength: number,
) => Promise<Buffer>;

export interface PasswordHasherOptions {
  /** CPU/memory cost, a power of two. 2^16 with r=8 uses 64 MiB and about 150 ms here. @default 65536 */
  N?: number;
  /** @default 8 */
  r?: number;
  /** @default 1 */
  p?: number;
  /** @default 32 */
  keyLength?: number;
  /** @default 16 */
  saltLength?: number;
  /** @default node:crypto scrypt */
  derive?: DeriveKey;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed stored hash; never throws for either. */
  verify(password: string, encoded: string): Promise<boolean>;
  /** Spends the same work as verify against a real hash, for accounts that do not exist. Always false. */
  verifyAgainstDummy(password: string): Promise<false>;
  /** True when the stored hash was made with other parameters than the current ones. */
  needsRehash(encoded: string): boolean;
}

/** Stored hashes whose cost is above this are refused rather than run: a tampered row must not stall the server. */
const maxN = 2 ** 20;

export const scryptDerive: DeriveKey = (password, salt, params, keyLength) =>
  new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly 2^15·8·128, which it refuses.
    const maxmem = 256 * params.N * params.r;
    scrypt(password.normalize("NFKC"), salt, keyLength, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

export function createPasswordHasher(options: PasswordHasherOptions = {}): PasswordHasher {
  const params: ScryptParams = { N: options.N ?? 2 ** 16, r: options.r ?? 8, p: options.p ?? 1 };
  const keyLength = options.keyLength ?? 32;
  const saltLength = options.saltLength ?? 16;
  const derive = options.derive ?? scryptDerive;
  if (!Number.isInteger(Math.log2(params.N)) || params.N < 2 || params.N > maxN) {
    throw new Error(`scrypt N must be a power of two between 2 and ${maxN}, got ${params.N}`);
  }
  // Any salt and key of the current sizes will do: nobody's password is checked against it.
  const dummy = { salt: randomBytes(saltLength), keyLength };

  const hash = async (password: string) => {
    const salt = randomBytes(saltLength);
    const key = await derive(password, salt, params, keyLength);
    return encode(params, salt, key);
  };

  return {
    hash,
    async verify(password, encoded) {
      const parsed = decode(encoded);
      if (!parsed) {
        // Same work as a real check, so a broken row is not told apart by timing either.
        await derive(password, randomBytes(saltLength), params, keyLength);
        return false;
      }
      const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
      return timingSafeEqual(key, parsed.key);
    },
    async verifyAgainstDummy(password) {
      // The current parameters, so it costs what checking a current hash costs.
      const key = await derive(password, dummy.salt, params, dummy.keyLength);
      timingSafeEqual(key, key);
      return false;
    },
    needsRehash(encoded) {
      const parsed = decode(encoded);
      return (
        !parsed ||
        parsed.params.N !== params.N ||
        parsed.params.r !== params.r ||
        parsed.params.p !== params.p ||
        parsed.key.length !== keyLength
      );
    },
  };
}

function encode(params: ScryptParams, salt: Buffer, key: Buffer): string {
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

function decode(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const parts = encoded.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : Number.NaN));
  if (N === undefined || r === undefined || p === undefined) return null;
  if (!Number.isInteger(Math.log2(N)) || N < 2 || N > maxN || r < 1 || r > 32 || p < 1 || p > 16) return null;
  const salt = Buffer.from(parts[4] ?? "", "base64");
  const key = Buffer.from(parts[5] ?? "", "base64");
  if (salt.length < 8 || key.length < 16 || key.length > 128) return null;
  return { params: { N, r, p }, salt, key };
}

const defaultHasher = createPasswordHasher();

/** With the default parameters (N=2^16, r=8, p=1). */
export function hashPassword(password: string): Promise<string> {
  return defaultHasher.hash(password);
}

export function verifyPassword(password: string, encoded: string): Promise<boolean> {
  return defaultHasher.verify(password, encoded);
}

export function verifyAgainstDummy(password: string): Promise<false> {
  return defaultHasher.verifyAgainstDummy(password);
}

export interface PasswordPolicyOptions {
  /** @default 12 */
  minLength?: number;
  /** Long enough for any passphrase, short enough that hashing it is not a denial of service. @default 1024 */
  maxLength?: number;
}

/** Null when the password is acceptable, else a message to show next to the password field. */
export function checkPasswordPolicy(
  password: string,
  options: PasswordPolicyOptions & { email?: string } = {},
): string | null {
  const minLength = options.minLength ?? 12;
  const maxLength = options.maxLength ?? 1024;
  const characters = [...password];
  if (characters.length < minLength) return `Use at least ${minLength} characters.`;
  if (characters.length > maxLength) return `Use at most ${maxLength} characters.`;
  if (new Set(characters).size === 1) return "Use more than one distinct character.";
  if (options.email && password.trim().toLowerCase() === options.email.trim().toLowerCase()) {
    return "The password must not be the email address.";
  }
  return null;
}

/** Throws AtriumError("validation_failed") naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(
  password: string,
  options: PasswordPolicyOptions & { email?: string; field?: string } = {},
): void {
  const message = checkPasswordPolicy(password, options);
  if (message) {
    throw new AtriumError("validation_failed", `The password is not acceptable: ${message}`, {
      fields: { [options.field ?? "password"]: message },
    });
  }
}
