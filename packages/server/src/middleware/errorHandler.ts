import {
  AtriumError,
  databaseUnavailability,
  type ErrorBody,
  isAtriumError,
  unavailableMessages,
} from "@atrium/core";
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ErrorLogger } from "../appOptions.js";

const internalBody: ErrorBody = {
  error: { code: "internal", message: "Internal error; see the server log" },
};

/** Who made the request, as far as the error answer cares. */
export interface ErrorAudience {
  email: string;
  isSuperuser: boolean;
}

/**
 * Turns every thrown error into the API's one error shape. AtriumErrors were written for the client and go out
 * as they are; anything else may carry a stack trace or a database message, so it is logged and masked.
 * A `database_error` (the database or Prisma failed) is logged once with the request's context and names the
 * operation to everyone; its database text (`reason`) goes to superusers only.
 */
export function errorHandler(
  logger: ErrorLogger,
  audienceOf: (c: Context) => ErrorAudience | null = () => null,
): ErrorHandler {
  return (error, c) => {
    const known = toAtriumError(error);
    if (known?.code === "database_error" || known?.code === "database_unavailable") {
      return databaseError(known, c, logger, audienceOf(c));
    }
    if (known && known.code !== "internal") return c.json(known.toBody(), statusOf(known));
    logger(`atrium: unexpected error in ${c.req.method} ${c.req.path}`, error);
    return c.json(internalBody, 500);
  };
}

function databaseError(error: AtriumError, c: Context, logger: ErrorLogger, audience: ErrorAudience | null) {
  const reason = error.reason ?? "no reason given";
  const details = isRecord(error.details) ? error.details : {};
  const what = [details.operation, details.model].filter((part) => typeof part === "string").join(" ");
  const who = audience ? ` by ${audience.email}` : "";
  logger(
    `atrium: ${error.code} in ${c.req.method} ${c.req.path}${what ? ` (${what})` : ""}${who}: ${reason}`,
    error.cause ?? error,
  );
  const body = error.toBody();
  if (audience?.isSuperuser) {
    body.error.message = `${error.message}: ${reason}`;
    body.error.details = { ...details, reason };
  } else {
    body.error.message = `${error.message}; an administrator can find the reason in the server log`;
  }
  return c.json(body, statusOf(error));
}

function toAtriumError(error: unknown): AtriumError | undefined {
  if (isAtriumError(error)) return error;
  // The database went away (or filled up, or locked) under a call no data source method explained: a 503 still.
  const unavailable = databaseUnavailability(error);
  if (unavailable) {
    const reason = error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : String(error);
    return new AtriumError("database_unavailable", unavailableMessages[unavailable], {
      reason,
      cause: error,
    });
  }
  // Hono's own helpers throw HTTPException for the few request problems they detect themselves.
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AtriumError("payload_too_large", "Request body is too large");
    if (error.status === 415) return new AtriumError("unsupported_media_type", "Unsupported content type");
    if (error.status >= 400 && error.status < 500) return new AtriumError("bad_request", "Bad request");
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function statusOf(error: AtriumError): Parameters<Context["json"]>[1] {
  return error.status as Parameters<Context["json"]>[1];
}
