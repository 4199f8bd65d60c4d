import { AtriumError } from "@atrium/core";
import type { Handler } from "hono";

/** Registered after a path's real handlers, so it only answers the methods they do not. */
export function methodNotAllowed(allowed: readonly string[]): Handler {
  const allow = allowed.join(", ");
  return (c) => {
    c.header("Allow", allow);
    const error = new AtriumError("method_not_allowed", `${c.req.method} is not allowed here; use ${allow}`);
    return c.json(error.toBody(), 405);
  };
}
