/**
 * A label as it reads inside a sentence: "Order items" -> "order items", but "API keys" -> "API keys" and
 * "ISBN" -> "ISBN". Labels start with a capital; acronyms are capitals throughout and keep them.
 */
export function inSentence(label: string): string {
  return label.replace(/[\p{L}\p{N}]+/gu, (word) => (isAcronym(word) ? word : word.toLowerCase()));
}

/** Two or more characters, a capital, and no lower-case letter but a plural's s: API, ISBN, S3, 2FA, URLs. */
function isAcronym(word: string): boolean {
  const singular = /\p{Lu}{2}s$/u.test(word) ? word.slice(0, -1) : word;
  return singular.length > 1 && /\p{Lu}/u.test(singular) && !/\p{Ll}/u.test(singular);
}
