import { describe, expect, it } from "vitest";
import { fieldNameWords, isSecretFieldName } from "./isSecretFieldName.js";

describe("secret field names", () => {
  it.each([
    "password",
    "Password",
    "passwordHash",
    "password_hash",
    "hashedPassword",
    "hash",
    "salt",
    "passwordSalt",
    "token",
    "accessToken",
    "refresh_token",
    "passwordResetToken",
    "secret",
    "clientSecret",
    "otpSecret",
    "apiKey",
    "api_key",
    "APIKey",
    "apikey",
    "apiKeyHash",
    "privateKey",
    "private_key_pem",
    "signingKey",
    "otp",
    "totpSecret",
    "recoveryCodes",
    "credentials",
    "secretAnswer",
    "encryptedPassword",
    "passwd",
    "cvv",
  ])("hides %s", (name) => {
    expect(isSecretFieldName(name)).toBe(true);
  });

  it.each([
    "tokenCount",
    "tokenExpiresAt",
    "passwordChangedAt",
    "passwordUpdatedAt",
    "isPasswordSet",
    "hashAlgorithm",
    "contentHash",
    "fileHash",
    "saltRounds",
    "otpEnabled",
    "key",
    "keyPrefix",
    "apiKeyPrefix",
    "publicKey",
    "postalCode",
    "secretary",
    "tokenizer",
    "passwordless",
    "email",
    "title",
  ])("shows %s", (name) => {
    expect(isSecretFieldName(name)).toBe(false);
  });

  it("splits names in every common case style", () => {
    expect(fieldNameWords("APIKeyHash")).toEqual(["api", "key", "hash"]);
    expect(fieldNameWords("refresh_token2")).toEqual(["refresh", "token"]);
    expect(fieldNameWords("x-api-key")).toEqual(["x", "api", "key"]);
  });
});
