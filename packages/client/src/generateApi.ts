/**
 * Generated records (`POST /api/records/{key}/generate`): a preview of five rows, and a run that reports each
 * written batch as it commits (the route's NDJSON answer) and stops when its signal aborts.
 */
import { ApiError, parseApiError } from "./ApiError.js";

export interface GenerateRequest {
  count: number;
  /** The same seed on the same database writes the same records; without one the server draws one. */
  seed?: number;
}

export interface GeneratePreview {
  /** Up to five rows as they would be written, in the wire encoding (no ids yet). */
  data: Record<string, unknown>[];
  seed: number;
}

export interface GenerateProgressLine {
  /** The model key of the step being written (parents generated first are steps too). */
  model: string;
  created: number;
  count: number;
  step: number;
  steps: number;
}

export interface GenerateSummary {
  created: number;
  seed: number;
  models: { model: string; created: number; skipped: number }[];
}

export interface GenerateApi {
  preview(modelKey: string, request: GenerateRequest, signal?: AbortSignal): Promise<GeneratePreview>;
  /** Resolves with the summary; rejects with ApiError, or with an AbortError when `signal` cancels the run. */
  run(
    modelKey: string,
    request: GenerateRequest,
    hooks?: { onProgress?: (line: GenerateProgressLine) => void; signal?: AbortSignal },
  ): Promise<GenerateSummary>;
}

type Send = (
  path: string,
  init: { body: unknown; accept: string; signal?: AbortSignal },
) => Promise<Response>;

export function generateApi(send: Send): GenerateApi {
  const pathOf = (modelKey: string) => `/api/records/${encodeURIComponent(modelKey)}/generate`;
  return {
    async preview(modelKey, request, signal) {
      const response = await send(pathOf(modelKey), {
        body: { ...request, preview: true },
        accept: "application/json",
        signal,
      });
      const text = await response.text();
      if (!response.ok) throw parseApiError(response.status, text);
      return JSON.parse(text) as GeneratePreview;
    },
    async run(modelKey, request, hooks = {}) {
      const response = await send(pathOf(modelKey), {
        body: request,
        accept: "application/x-ndjson",
        signal: hooks.signal,
      });
      if (!response.ok) throw parseApiError(response.status, await response.text());
      let summary: GenerateSummary | undefined;
      for await (const line of ndjsonLines(response)) {
        if (line.type === "progress") hooks.onProgress?.(line as unknown as GenerateProgressLine);
        else if (line.type === "done") summary = line as unknown as GenerateSummary;
        else if (line.type === "error") {
          const { status, ...body } = line;
          throw parseApiError(typeof status === "number" ? status : 500, JSON.stringify(body));
        }
      }
      if (!summary) {
        throw new ApiError(0, "network_error", "The connection ended before the generation finished.");
      }
      return summary;
    },
  };
}

/** The answer's lines as they arrive, each parsed. */
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
