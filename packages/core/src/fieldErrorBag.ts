import { AtriumError, type ErrorCode, type FieldErrors } from "./errors.js";

/**
 * Collects one message per field so a request reports every problem at once. Keys can come from user input
 * (`__proto__`), so they live in a Map and become own properties only through Object.fromEntries.
 */
export class FieldErrorBag {
  private readonly errors = new Map<string, string>();

  /** Keeps the first message for a key: it is usually the most basic problem. */
  add(key: string, message: string): void {
    if (!this.errors.has(key)) this.errors.set(key, message);
  }

  /** Runs `work`; an AtriumError it throws is recorded under `key` (or under its own field keys). */
  capture<T>(key: string | undefined, work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof AtriumError)) throw error;
      const messages = Object.values(error.fields ?? {});
      if (key !== undefined) this.add(key, messages[0] ?? error.message);
      else for (const [field, message] of Object.entries(error.fields ?? {})) this.add(field, message);
      return undefined;
    }
  }

  get isEmpty(): boolean {
    return this.errors.size === 0;
  }

  toFields(): FieldErrors {
    return Object.fromEntries(this.errors);
  }

  /** Throws when anything was collected; the message names the first problem and counts the rest. */
  throwIfAny(code: ErrorCode, what: string): void {
    const first = this.errors.entries().next();
    if (first.done) return;
    const [key, message] = first.value;
    const more = this.errors.size > 1 ? ` (and ${this.errors.size - 1} more)` : "";
    throw new AtriumError(code, `Invalid ${what}: ${key}: ${message}${more}`, { fields: this.toFields() });
  }
}
