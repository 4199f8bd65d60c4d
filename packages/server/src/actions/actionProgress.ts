/**
 * Progress of a long action as NDJSON (`Accept: application/x-ndjson`): one `{ "progress": { done, total } }`
 * line per step the handler reports (at most one per 100 ms, and never the same twice), then the answer's
 * `{ "data": ... }` line or the API's `{ "error": ... }` shape. The status is 200 once the stream has started,
 * so the last line is what says how it ended.
 */
import { type ErrorBody, isAtriumError } from "@atrium/core";
import type { Context } from "hono";
import { stream } from "hono/streaming";
import type { ErrorLogger } from "../appOptions.js";

export const ndjsonType = "application/x-ndjson";

export function wantsProgress(c: Context): boolean {
  return (c.req.header("Accept") ?? "").includes(ndjsonType);
}

export function streamAction<T>(
  c: Context,
  logger: ErrorLogger,
  run: (progress: (done: number, total: number) => void) => Promise<T>,
): Response {
  c.header("Content-Type", `${ndjsonType}; charset=UTF-8`);
  return stream(c, async (out) => {
    let last = "";
    let lastAt = 0;
    const progress = (done: number, total: number) => {
      const line = JSON.stringify({ progress: { done, total } });
      const now = Date.now();
      if (line === last || (now - lastAt < 100 && done < total)) return;
      last = line;
      lastAt = now;
      void out.write(`${line}\n`);
    };
    let end: unknown;
    try {
      end = { data: await run(progress) };
    } catch (error) {
      end = errorBody(c, logger, error);
    }
    await out.write(`${JSON.stringify(end)}\n`);
  });
}

function errorBody(c: Context, logger: ErrorLogger, error: unknown): ErrorBody {
  if (isAtriumError(error) && error.code !== "internal" && error.code !== "database_error") {
    return error.toBody();
  }
  logger(`atrium: unexpected error in ${c.req.method} ${c.req.path}`, error);
  return { error: { code: "internal", message: "Internal error; see the server log" } };
}
