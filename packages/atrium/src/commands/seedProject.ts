/**
 * `atrium seed`: the config's seed plan written into the project's database. Each model is topped up to its
 * count (a second run adds nothing), its rows continuing the numbering of what is there, so a run on a
 * populated database writes what the missing part of a first run would have written.
 */
import type { ModelMeta } from "@atrium/core";
import { type GenerateProgress, generateRecords } from "@atrium/generate";
import { loadSchemaMetaCached } from "@atrium/prisma";
import { auditRedactionFor } from "@atrium/server";
import { checkFieldsConfig } from "../config/checkFieldsConfig.js";
import { formatChecks } from "../config/configCheck.js";
import { readSeedPlan } from "../config/readSeedPlan.js";
import { ConfigError, type ResolvedConfig } from "../config/resolveConfig.js";
import { withProjectData } from "./generateData.js";

export interface SeededModel {
  model: ModelMeta;
  /** Rows it had before; an estimate on a table too big to count exactly. */
  had: number;
  added: number;
  /** Rows the plan could not make unique (every combination of a unique key taken). */
  skipped: number;
}

export interface SeedResult {
  seed: number;
  /** Models of the plan, parents first, and parents it had to generate besides. */
  models: SeededModel[];
  added: number;
}

export interface SeedOptions {
  /** Overrides the plan's seed. */
  seed?: number;
  /** @default 500 */
  batchSize?: number;
  onProgress?: (progress: GenerateProgress) => void;
}

/** Throws ConfigError listing every problem of the plan; answers null when the config has no plan. */
export async function seedProject(
  config: ResolvedConfig,
  options: SeedOptions = {},
): Promise<SeedResult | null> {
  const { schema } = await loadSchemaMetaCached(config.schemaPath);
  const plan = readSeedPlan(config.seed, schema);
  const fieldRules = checkFieldsConfig(config.fields, schema);
  const problems = [...fieldRules.checks, ...plan.checks];
  if (problems.length > 0) throw new ConfigError(formatChecks(problems));
  if (plan.steps.length === 0) return null;
  const seed = options.seed ?? plan.seed;
  // A field configured "writeOnly" keeps no value in the audit, as when the admin writes it.
  const redact = auditRedactionFor(schema, fieldRules.visibility);
  return withProjectData(
    config.schemaPath,
    config.databaseUrl,
    async ({ dataSource, audit }) => {
      const had = new Map<string, number>();
      for (const step of plan.steps)
        had.set(step.model.name, (await dataSource.count(step.model)).total ?? 0);
      const missing = plan.steps
        .map((step) => ({
          model: step.model,
          count: Math.max(0, step.count - (had.get(step.model.name) ?? 0)),
        }))
        .filter((target) => target.count > 0);
      const seeded = new Map(plan.steps.map((step) => [step.model.name, step.makers]));
      const result =
        missing.length === 0
          ? { steps: [], created: 0 }
          : await generateRecords({
              schema,
              dataSource,
              targets: missing,
              seed,
              context: { actor: null, audit },
              makers: (model) => seeded.get(model.name),
              firstIndex: (model) => had.get(model.name) ?? 0,
              ...(options.batchSize ? { batchSize: options.batchSize } : {}),
              ...(options.onProgress ? { onProgress: options.onProgress } : {}),
            });
      const models = plan.steps.map((step) => ({
        model: step.model,
        had: had.get(step.model.name) ?? 0,
        added: 0,
        skipped: 0,
      }));
      for (const step of result.steps) {
        const entry = models.find((candidate) => candidate.model.name === step.model.name);
        if (entry) {
          entry.added += step.created;
          entry.skipped += step.skipped;
        } else models.push({ model: step.model, had: 0, added: step.created, skipped: step.skipped });
      }
      return { seed, models, added: result.created };
    },
    { redact },
  );
}
