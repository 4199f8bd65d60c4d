/**
 * A long request answered as it goes, for the admin's dialogs (generate, import, actions): asked for
 * `application/x-ndjson`, the route answers 200 at once and sends a JSON line per step
 * (`{"type":"progress",...}`), then the result (`{"type":"done",...}`) or the error in the API's error shape with
 * its status (`{"type":"error","status":403,"error":{...}}`). The status line is 200 once the stream has started,
 * so the last line is what says how it ended. The caller going away aborts `signal`.
 */
import type { Context } from "hono";
import type { ResolvedOptions } from "../appOptions.js";
import { accessOf } from "../auth/requestAccess.js";
import { errorHandler } from "../middleware/errorHandler.js";

export const ndjsonType = "application/x-ndjson";

export function wantsProgress(c: Context): boolean {
  return c.req.header("accept")?.includes(ndjsonType) ?? false;
}

export interface ProgressRun<Progress extends object> {
  run: (report: (progress: Progress) => void, signal: AbortSignal) => Promise<object>;
  /** Runs once the stream ends, however it ends (a spooled upload is removed here). */
  cleanup?: () => Promise<void>;
}

export function progressStream<Progress extends object>(
  c: Context,
  options: Pick<ResolvedOptions, "schema" | "logger">,
  { run, cleanup }: ProgressRun<Progress>,
): Response {
  // The app's own error handler, so a failure reads as it would without the stream (status, message, log).
  const toErrorAnswer = errorHandler(
    options.logger,
    (context) => accessOf(context, options.schema).principal,
  );
  const stop = new AbortController();
  c.req.raw.signal.addEventListener("abort", () => stop.abort(), { once: true });
  const bytes = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => {
        if (!stop.signal.aborted) controller.enqueue(bytes.encode(`${JSON.stringify(line)}\n`));
      };
      try {
        const result = await run((progress) => send({ type: "progress", ...progress }), stop.signal);
        send({ type: "done", ...result });
      } catch (error) {
        if (!stop.signal.aborted) {
          const answer = await toErrorAnswer(error as Error, c);
          send({ type: "error", status: answer.status, ...((await answer.json()) as object) });
        }
      } finally {
        await cleanup?.();
        // Already closed when the caller cancelled: nothing more to say to anyone.
        if (!stop.signal.aborted) controller.close();
      }
    },
    cancel() {
      stop.abort();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": `${ndjsonType}; charset=utf-8`, "cache-control": "no-store" },
  });
}

/**
 * `report` at most once per `intervalMs` and never the same twice, for handlers that report every record: the
 * dialog only shows the latest, and the final count arrives with the result anyway.
 */
export function throttled<Progress extends object>(
  report: (progress: Progress) => void,
  isLast: (progress: Progress) => boolean,
  intervalMs = 100,
): (progress: Progress) => void {
  let last = "";
  let lastAt = 0;
  return (progress) => {
    const line = JSON.stringify(progress);
    const now = Date.now();
    if (line === last || (now - lastAt < intervalMs && !isLast(progress))) return;
    last = line;
    lastAt = now;
    report(progress);
  };
}
