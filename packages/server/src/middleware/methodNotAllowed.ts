import type { Handler } from "hono";

/**
 * Registered after a path's real handlers, so it only answers the methods they do not. `method_not_allowed`
 * is not an ErrorCode of @atrium/core (no AtriumError maps to 405), hence the hand-built body.
 */
export function methodNotAllowed(allowed: readonly string[]): Handler {
  const allow = allowed.join(", ");
  return (c) => {
    c.header("Allow", allow);
    return c.json(
      { error: { code: "method_not_allowed", message: `${c.req.method} is not allowed here; use ${allow}` } },
      405,
    );
  };
}
