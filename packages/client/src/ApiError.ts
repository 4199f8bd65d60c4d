import type { ErrorCode, FieldErrors } from "@atrium/core";

/** Server codes plus what can only go wrong on the client side of the wire. */
export type ApiErrorCode = ErrorCode | "network_error" | "bad_response";

/** Thrown by every AdminApi call that did not get a 2xx answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields?: FieldErrors;
  readonly details?: unknown;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    options: { fields?: FieldErrors; details?: unknown } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function codeForStatus(status: number): ApiErrorCode {
  if (status === 400) return "bad_request";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 422) return "validation_failed";
  if (status === 429) return "too_many_requests";
  return status >= 500 ? "internal" : "bad_response";
}

function isFieldErrors(value: unknown): value is FieldErrors {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((message) => typeof message === "string")
  );
}

/**
 * Turns a non-2xx answer into an ApiError. Proxies and crashed servers answer with HTML or nothing, so a
 * body that is not the API's error shape still yields a message the user can act on.
 */
export function parseApiError(status: number, bodyText: string): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  const error = (body as { error?: unknown } | undefined)?.error;
  if (typeof error === "object" && error !== null) {
    const { code, message, fields, details } = error as Record<string, unknown>;
    if (typeof code === "string" && typeof message === "string") {
      return new ApiError(status, code as ApiErrorCode, message, {
        fields: isFieldErrors(fields) ? fields : undefined,
        details,
      });
    }
  }
  const reason =
    status >= 500
      ? "the server had a problem; try again, and check the server log if it keeps happening"
      : "the server answered with an unexpected response";
  return new ApiError(status, codeForStatus(status), `Request failed (HTTP ${status}): ${reason}.`);
}

/** A one-line description for banners, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
