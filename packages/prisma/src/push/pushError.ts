/**
 * Every way a schema push can fail, as one sentence and what to do about it: the `push` command prints
 * `atrium: <message>` and the hint, never a driver's error object. The driver's error stays as `cause`.
 */
import { AtriumError, type ErrorCode } from "@atrium/core";

export class PushError extends AtriumError {
  /** What to do next, as a user would type or edit it. */
  readonly hint: string;

  constructor(code: ErrorCode, message: string, hint: string, options: { cause?: unknown } = {}) {
    super(code, message);
    this.name = "PushError";
    this.hint = hint;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

export function isPushError(error: unknown): error is PushError {
  return error instanceof PushError;
}

/** The driver's own words: `sqlMessage` (mariadb) or `message`, never the object. */
export function driverMessage(error: unknown): string {
  if (error && typeof error === "object" && "sqlMessage" in error && typeof error.sqlMessage === "string") {
    return error.sqlMessage;
  }
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return String(error);
}

/** A driver error's code (`ECONNREFUSED`, PostgreSQL's SQLSTATE `42P07`, mariadb's `ER_BAD_DB_ERROR`). */
export function driverCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}
