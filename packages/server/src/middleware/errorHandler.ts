import { AtriumError, type ErrorBody, isAtriumError } from "@atrium/core";
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ErrorLogger } from "../appOptions.js";

const internalBody: ErrorBody = {
  error: { code: "internal", message: "Internal error; see the server log" },
};

/**
 * Turns every thrown error into the API's one error shape. AtriumErrors were written for the client and go out
 * as they are; anything else may carry a stack trace or a database message, so it is logged and masked.
 */
export function errorHandler(logger: ErrorLogger): ErrorHandler {
  return (error, c) => {
    const known = toAtriumError(error);
    if (known && known.code !== "internal") return c.json(known.toBody(), statusOf(known));
    logger(`atrium: unexpected error in ${c.req.method} ${c.req.path}`, error);
    return c.json(internalBody, 500);
  };
}

function toAtriumError(error: unknown): AtriumError | undefined {
  if (isAtriumError(error)) return error;
  // Hono's own helpers throw HTTPException for the few request problems they detect themselves.
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AtriumError("payload_too_large", "Request body is too large");
    if (error.status === 415) return new AtriumError("unsupported_media_type", "Unsupported content type");
    if (error.status >= 400 && error.status < 500) return new AtriumError("bad_request", "Bad request");
  }
  return undefined;
}

function statusOf(error: AtriumError): Parameters<Context["json"]>[1] {
  return error.status as Parameters<Context["json"]>[1];
}
