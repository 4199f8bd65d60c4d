/**
 * Generation with progress, for the admin's Generate dialog: asked for `application/x-ndjson`, the generate route
 * answers 200 at once and sends one JSON line per committed batch (`{"type":"progress",...}`), then the summary
 * (`{"type":"done",...}`) or the error in the API's error shape (`{"type":"error","status":403,"error":{...}}`).
 * Cancelling is the caller going away: the engine stops before its next batch, and the batches written stay
 * written, each its own transaction and audited, so a cancelled run leaves whole batches and nothing half done.
 */
import type { GenerateProgress } from "@atrium/generate";
import type { Context } from "hono";

export interface GenerationHooks {
  onProgress: (progress: GenerateProgress) => void;
  signal: AbortSignal;
}

export function wantsProgress(accept: string | undefined): boolean {
  return accept?.includes("application/x-ndjson") ?? false;
}

/** `toErrorAnswer`: the app's own error handler, so a failure reads as it would without the stream. */
export function streamGeneration(
  c: Context,
  run: (hooks: GenerationHooks) => Promise<Record<string, unknown>>,
  toErrorAnswer: (error: unknown) => Response | Promise<Response>,
): Response {
  const stop = new AbortController();
  c.req.raw.signal.addEventListener("abort", () => stop.abort(), { once: true });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: Record<string, unknown>) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      try {
        const result = await run({
          signal: stop.signal,
          onProgress: (progress) =>
            send({
              type: "progress",
              model: progress.model.key,
              created: progress.created,
              count: progress.count,
              step: progress.step,
              steps: progress.steps,
            }),
        });
        send({ type: "done", ...result });
      } catch (error) {
        if (!stop.signal.aborted) {
          const answer = await toErrorAnswer(error);
          send({ type: "error", status: answer.status, ...((await answer.json()) as object) });
        }
      } finally {
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
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
}
