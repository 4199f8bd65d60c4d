/**
 * `POST /api/records/{key}/generate` with `{ count, seed?, preview? }`: realistic records of the model (and of
 * the parents it needs, when they have none), written in batches as the signed-in user and audited like their
 * creates; with `preview: true`, the first five rows in the wire encoding and nothing written. Asked for
 * `application/x-ndjson`, it answers a line per written batch and stops when the caller goes away
 * (generateProgress.ts).
 */
import { AtriumError, encodeWireValue, type ModelMeta } from "@atrium/core";
import {
  type GenerateOptions,
  type GenerateProgress,
  type GenerateResult,
  generateRecords,
  previewRecords,
} from "@atrium/generate";
import type { Handler } from "hono";
import { type ResolvedOptions, writeContext } from "../appOptions.js";
import { accessOf, type RequestAccess } from "../auth/requestAccess.js";
import { progressStream, wantsProgress } from "../progress/progressStream.js";
import { readJsonBody } from "../readJsonBody.js";
import { resolveModel } from "../resolveModel.js";

/** Rows a preview shows. */
const previewRows = 5;

/** One streamed line per committed batch: which model, how far in it, and which step of the plan. */
interface GenerateProgressLine {
  model: string;
  created: number;
  count: number;
  step: number;
  steps: number;
}

interface GenerateRequest {
  count: number;
  seed: number;
  preview: boolean;
}

export function generateRoute(options: ResolvedOptions): Handler {
  return async (c) => {
    const { schema, dataSource } = options;
    const model = resolveModel(schema, c.req.param("key") ?? "");
    const access = accessOf(c, schema);
    access.require(model, "add");
    const request = decodeGenerateRequest(
      await readJsonBody(c, options.maxBodyBytes),
      options.maxGenerateCount,
    );
    requireCreatable(access, model);
    const writable = (target: ModelMeta) => {
      const names = new Set(access.writeModel(target).fields.map((field) => field.name));
      return (field: string) => names.has(field);
    };
    if (request.preview) {
      const rows = await previewRecords({
        schema,
        dataSource,
        model,
        seed: request.seed,
        count: previewRows,
        writable: writable(model),
      });
      return c.json({ data: rows.map((row) => wireRow(access.viewModel(model), row)), seed: request.seed });
    }
    const run = (hooks: Pick<GenerateOptions, "onProgress" | "signal">) =>
      generateRecords({
        schema,
        dataSource,
        targets: [{ model, count: request.count }],
        seed: request.seed,
        context: writeContext(options, c),
        beforeWrite: (steps) => {
          for (const step of steps) {
            access.require(step.model, "add");
            requireCreatable(access, step.model);
          }
        },
        writable: (target, field) => writable(target)(field),
        ...hooks,
      });
    if (wantsProgress(c)) {
      return progressStream<GenerateProgressLine>(c, options, {
        run: async (report, signal) => {
          const onProgress = (progress: GenerateProgress) =>
            report({
              model: progress.model.key,
              created: progress.created,
              count: progress.count,
              step: progress.step,
              steps: progress.steps,
            });
          return summary(await run({ onProgress, signal }), request.seed);
        },
      });
    }
    return c.json(summary(await run({}), request.seed), 201);
  };
}

function summary(result: GenerateResult, seed: number) {
  return {
    created: result.created,
    seed,
    models: result.steps.map((step) => ({
      model: step.model.key,
      created: step.created,
      skipped: step.skipped,
    })),
  };
}

/** Validates the body; a count past the limit is refused, not cut, so the caller knows what was written. */
export function decodeGenerateRequest(body: unknown, maxCount: number): GenerateRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid("body", 'Send { "count": <number of records>, "seed": <integer>, "preview": true|false }');
  }
  const { count, seed, preview } = body as Record<string, unknown>;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > maxCount) {
    throw invalid("count", `count must be a whole number from 1 to ${maxCount.toLocaleString("en")}`);
  }
  if (seed !== undefined && (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0)) {
    throw invalid("seed", "seed must be a whole number of 0 or more (the same seed gives the same records)");
  }
  if (preview !== undefined && typeof preview !== "boolean")
    throw invalid("preview", "preview must be true or false");
  return {
    count,
    // Without a seed the records differ each time; the answer names the one used, to repeat them.
    seed: seed ?? Math.floor(Math.random() * 2 ** 31),
    preview: preview === true,
  };
}

/** As for a create: a required field hidden from the user cannot be filled by them, generated or typed. */
function requireCreatable(access: RequestAccess, model: ModelMeta): void {
  const missing = access.hiddenRequired(model).map((field) => field.label);
  if (missing.length > 0) {
    throw new AtriumError(
      "validation_failed",
      `${model.labelPlural} cannot be generated in the admin: ${missing.join(", ")} is required but hidden; generate them with the atrium command`,
    );
  }
}

/** A previewed row: the generated values the user may see, wire-encoded (not yet written, so no `$id`). */
function wireRow(model: ModelMeta, row: Record<string, unknown>): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const field of model.fields) {
    if (field.kind === "relation" || !Object.hasOwn(row, field.name)) continue;
    wire[field.name] = encodeWireValue(field, row[field.name]);
  }
  return wire;
}

function invalid(field: string, message: string): AtriumError {
  return new AtriumError("bad_request", message, { fields: { [field]: message } });
}
