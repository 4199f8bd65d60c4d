/**
 * The client side of the server's progress streams (generate, import, actions): asked with
 * `Accept: application/x-ndjson`, a route answers a JSON line per step (`{"type":"progress",...}`), then
 * `{"type":"done",...}` or `{"type":"error","status":...,"error":{...}}`. One reader for all of them.
 */
import { ApiError, parseApiError } from "./ApiError.js";

/** A POST whose answer the caller reads itself (a stream, or a JSON body it parses). */
export type RawPost = (
  path: string,
  init: { body: BodyInit; contentType: string; accept: string; signal?: AbortSignal },
) => Promise<Response>;

export const ndjsonType = "application/x-ndjson";

/**
 * Reports each progress line and resolves with the `done` line (without its `type`); rejects with the
 * streamed error as an ApiError of its own status, or with `endedEarly` when the stream stops before its end.
 */
export async function readProgress<Progress, Result>(
  response: Response,
  onProgress: ((line: Progress) => void) | undefined,
  endedEarly: string,
): Promise<Result> {
  if (!response.ok) throw parseApiError(response.status, await response.text());
  for await (const line of ndjsonLines(response)) {
    const { type, ...rest } = line;
    if (type === "progress") onProgress?.(rest as Progress);
    else if (type === "done") return rest as Result;
    else if (type === "error") {
      const { status, ...body } = rest;
      throw parseApiError(typeof status === "number" ? status : 500, JSON.stringify(body));
    }
  }
  throw new ApiError(0, "network_error", endedEarly);
}

/** The answer's lines as they arrive, each parsed; a line split across chunks is read whole. */
export async function* ndjsonLines(response: Response): AsyncGenerator<Record<string, unknown>> {
  const reader = response.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let pending = "";
  for (;;) {
    const { done, value } = await reader.read();
    pending += decoder.decode(value, { stream: !done });
    const lines = pending.split("\n");
    pending = done ? "" : (lines.pop() ?? "");
    for (const line of lines) if (line.trim() !== "") yield JSON.parse(line) as Record<string, unknown>;
    if (done) return;
  }
}
