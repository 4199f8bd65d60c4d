/**
 * Generated records (`POST /api/records/{key}/generate`): a preview of five rows, and a run that reports each
 * written batch as it commits (the route's NDJSON answer) and stops when its signal aborts.
 */
import { parseApiError } from "./ApiError.js";
import { ndjsonType, type RawPost, readProgress } from "./progressLines.js";

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

export function generateApi(post: RawPost): GenerateApi {
  const pathOf = (modelKey: string) => `/api/records/${encodeURIComponent(modelKey)}/generate`;
  const send = (modelKey: string, body: unknown, accept: string, signal?: AbortSignal) =>
    post(pathOf(modelKey), {
      body: JSON.stringify(body),
      contentType: "application/json",
      accept,
      ...(signal ? { signal } : {}),
    });
  return {
    async preview(modelKey, request, signal) {
      const response = await send(modelKey, { ...request, preview: true }, "application/json", signal);
      const text = await response.text();
      if (!response.ok) throw parseApiError(response.status, text);
      return JSON.parse(text) as GeneratePreview;
    },
    async run(modelKey, request, hooks = {}) {
      const response = await send(modelKey, request, ndjsonType, hooks.signal);
      return readProgress<GenerateProgressLine, GenerateSummary>(
        response,
        hooks.onProgress,
        "The connection ended before the generation finished.",
      );
    },
  };
}
