/**
 * The one error shape of the API: `{ error: { code, message, fields? } }`.
 * Everything that can go wrong for a reason the client can act on is an AtriumError. So is a failure of the
 * database or of Prisma itself that Atrium cannot prevent (`database_error`: the operation is named, the
 * database's own words go to superusers only). Anything else is logged on the server and answered as a
 * generic 500 without details.
 */

export type ErrorCode =
  | "bad_request"
  | "sort_needs_index"
  | "invalid_json"
  | "validation_failed"
  | "unknown_model"
  | "not_found"
  | "unique_violation"
  | "foreign_key_violation"
  | "delete_restricted"
  | "payload_too_large"
  | "unsupported_media_type"
  | "method_not_allowed"
  | "conflict"
  | "unauthorized"
  | "forbidden"
  | "too_many_requests"
  | "database_error"
  | "database_unavailable"
  | "internal";

/** Field name -> message shown next to that field in the UI. */
export type FieldErrors = Record<string, string>;

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  // A sort no index serves, on a list too big to sort whole: the message names the index that would serve it.
  sort_needs_index: 400,
  invalid_json: 400,
  validation_failed: 422,
  unknown_model: 404,
  not_found: 404,
  unique_violation: 409,
  foreign_key_violation: 422,
  delete_restricted: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  method_not_allowed: 405,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  too_many_requests: 429,
  database_error: 500,
  // Down, restarting, or the connection was lost: the request may succeed if tried again.
  database_unavailable: 503,
  internal: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors; details?: unknown };
}

export interface AtriumErrorOptions {
  fields?: FieldErrors;
  /** Extra data for the client (e.g. what blocks a delete). Must never hold database internals. */
  details?: unknown;
  /**
   * The database's (or Prisma's) own words for a `database_error`: logged, and shown to superusers only, since
   * they may name tables, constraints and values. Never part of `toBody()`.
   */
  reason?: string;
  /** The error this one explains, for the server log. */
  cause?: unknown;
}

/**
 * Marks AtriumErrors across copies of this module: a project's routes load `atrium/server` through Vite's module
 * runner (the config file), which may evaluate a copy of its own, and what those routes throw must still be
 * answered as the AtriumError it is (a 422 with its fields, not a masked 500).
 */
const atriumErrorBrand = Symbol.for("atrium.AtriumError");

export class AtriumError extends Error {
  /** `instanceof` by prototype, as usual; and for this class itself, an AtriumError of another copy too. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // `this` is the class on the right of `instanceof`: a subclass (PushError) keeps its own prototype check.
    // biome-ignore lint/complexity/noThisInStatic: see above.
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return (
      // biome-ignore lint/complexity/noThisInStatic: only AtriumError itself accepts the brand.
      this === AtriumError &&
      typeof value === "object" &&
      value !== null &&
      (value as { [atriumErrorBrand]?: unknown })[atriumErrorBrand] === true
    );
  }

  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldErrors;
  /** Extra data for the client (e.g. what blocks a delete). Must never hold database internals. */
  readonly details?: unknown;
  /** See AtriumErrorOptions.reason: for the log and superusers, never in the body. */
  readonly reason?: string;

  constructor(code: ErrorCode, message: string, options: AtriumErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AtriumError";
    this.code = code;
    this.status = statusByCode[code];
    this.fields = options.fields;
    this.details = options.details;
    this.reason = options.reason;
    Object.defineProperty(this, atriumErrorBrand, { value: true });
  }

  toBody(): ErrorBody {
    const error: ErrorBody["error"] = { code: this.code, message: this.message };
    if (this.fields) error.fields = this.fields;
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

export function isAtriumError(value: unknown): value is AtriumError {
  return value instanceof AtriumError;
}
