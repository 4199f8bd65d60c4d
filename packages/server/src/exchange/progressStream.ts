/**
 * A long request answered as it goes, for the admin's dialogs: asked for `application/x-ndjson`, the route
 * answers 200 at once and sends a JSON line per step (`{"type":"progress",...}`), then the result
 * (`{"type":"done",...}`) or the error in the API's error shape (`{"type":"error","status":422,"error":{...}}`).
 * The caller going away aborts `signal`.
 */
import type { Context } from "hono";

export function wantsNdjson(c: Context): boolean {
  return c.req.header("accept")?.includes("application/x-ndjson") ?? false;
}

export function progressStream<Progress extends object>(
  c: Context,
  run: (report: (progress: Progress) => void, signal: AbortSignal) => Promise<object>,
  toErrorAnswer: (error: unknown) => Response | Promise<Response>,
  cleanup: () => Promise<void>,
): Response {
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
          const answer = await toErrorAnswer(error);
          send({ type: "error", status: answer.status, ...((await answer.json()) as object) });
        }
      } finally {
        await cleanup();
        if (!stop.signal.aborted) controller.close();
      }
    },
    cancel() {
      stop.abort();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
}
