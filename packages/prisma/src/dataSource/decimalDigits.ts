/**
 * The digits of a Prisma Decimal (decimal.js), or undefined for anything else. Recognised by shape: the user's
 * generated client may load its own copy of the Decimal class. `toFixed()` without digits keeps every digit
 * and never switches to exponent notation.
 */
export function decimalDigits(value: unknown): string | undefined {
  if (
    typeof value === "object" &&
    value !== null &&
    "toFixed" in value &&
    typeof value.toFixed === "function"
  ) {
    return String(value.toFixed());
  }
  return undefined;
}
