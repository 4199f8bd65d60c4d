/**
 * SHA-256 of UTF-8 text, synchronous: record versions are computed while rows are serialised, and core runs in
 * browsers too, where node:crypto does not exist and Web Crypto is async. @noble/hashes is an audited,
 * dependency-free implementation that works in both (and is about 1.4 times faster than the one written here
 * before it).
 */
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";

const encoder = new TextEncoder();

/** The 32-byte digest of `text` encoded as UTF-8. */
export function sha256(text: string): Uint8Array {
  return nobleSha256(encoder.encode(text));
}
