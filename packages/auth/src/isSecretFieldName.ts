/**
 * Whether a field's name says it holds a secret (password hashes, tokens, keys). Such fields are hidden unless
 * the configuration shows them.
 *
 * The name is split into words (camelCase, PascalCase, snake_case, kebab-case, digits). In English compounds
 * the last word is the thing itself (`tokenCount` is a count, `accessToken` a token), so it is the last word
 * that decides, after dropping encoding words (`passwordHash`, `privateKeyPem`, `apiKeyEncrypted`).
 * A field named just `hash` is hidden; `contentHash` or `fileHash` are checksums and stay visible.
 */

const secretWords = new Set([
  "password",
  "passwords",
  "passwd",
  "pwd",
  "passphrase",
  "secret",
  "secrets",
  "token",
  "tokens",
  "salt",
  "otp",
  "totp",
  "hotp",
  "credential",
  "credentials",
  "apikey",
  "apikeys",
  "privatekey",
  "secretkey",
  "cvv",
  "cvc",
]);

/** Words after a secret that only say how it is stored. */
const encodingWords = new Set([
  "hash",
  "hashed",
  "digest",
  "encrypted",
  "enc",
  "cipher",
  "ciphertext",
  "pem",
  "der",
  "b64",
  "base64",
  "hex",
  "value",
  "plain",
  "plaintext",
  "raw",
  "bytes",
]);

/** `<word> key` is a secret for these words (`apiKey`, `private_key`, `signingKey`); a plain `key` is not. */
const keyQualifiers = new Set([
  "api",
  "private",
  "secret",
  "access",
  "signing",
  "encryption",
  "session",
  "master",
]);

/** `<word> code` is a secret for these words (`recoveryCodes`, `otp_code`); a `postalCode` is not. */
const codeQualifiers = new Set(["recovery", "backup", "otp", "mfa", "verification", "auth", "reset"]);

export function fieldNameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

export function isSecretFieldName(name: string): boolean {
  const words = fieldNameWords(name);
  if (words.length === 1 && words[0] === "hash") return true;
  while (words.length > 1 && encodingWords.has(words[words.length - 1] ?? "")) words.pop();
  const last = words[words.length - 1] ?? "";
  const before = words[words.length - 2] ?? "";
  if (secretWords.has(last)) return true;
  if ((last === "key" || last === "keys") && keyQualifiers.has(before)) return true;
  if ((last === "code" || last === "codes") && codeQualifiers.has(before)) return true;
  if (last === "answer" && (before === "secret" || before === "security")) return true;
  return false;
}
