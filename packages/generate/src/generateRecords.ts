/**
 * Generates records through a DataSource: plans which models need rows (parents first), then writes each
 * model's rows in batches, each batch one transaction (`DataSource.createMany`, audited like any create when
 * the context carries an audit sink). The same seed on the same database writes the same rows.
 */
import {
  AtriumError,
  type DataSource,
  type ModelMeta,
  type SchemaMeta,
  type WriteContext,
  type WriteData,
} from "@atrium/core";
import type { FieldMakers } from "./fieldMakers.js";
import { loadFaker } from "./loadFaker.js";
import { type GenerationStep, planGeneration } from "./planGeneration.js";
import { growSelfPools, maxPoolSize, type Pools, readPools } from "./relationPools.js";
import { createRowBuilder, type RowBuilder } from "./rowBuilder.js";

/** Rows per transaction: big enough to be fast, small enough to keep a transaction short. */
export const defaultBatchSize = 500;

/**
 * Generated dates fall around this instant, not around today: the same seed must give the same rows whenever
 * it runs.
 */
export const defaultReferenceDate = new Date("2025-06-01T12:00:00.000Z");

export interface GenerateProgress {
  model: ModelMeta;
  /** Rows of this step written so far. */
  created: number;
  /** Rows this step writes. */
  count: number;
  /** This step's position (0-based) and the number of steps (parents generated first are steps too). */
  step: number;
  steps: number;
}

export interface GenerateOptions {
  schema: SchemaMeta;
  dataSource: DataSource;
  /** Models and how many rows each gets; their required parents are added to the plan when they lack records. */
  targets: GenerationStep[];
  seed: number;
  /** Who writes and how it is audited, as for any write. */
  context?: WriteContext;
  /** @default 500 */
  batchSize?: number;
  /** @default defaultReferenceDate */
  referenceDate?: Date;
  /**
   * Called with the plan (parents generated first included) before anything is written; throws to refuse it,
   * e.g. when the writer may not add records of one of its models.
   */
  beforeWrite?: (steps: GenerationStep[]) => void;
  /**
   * Whether the writer may set a field of a model (see RowBuilderInput.writable).
   * @default every field
   */
  writable?: (model: ModelMeta, field: string) => boolean;
  /** A seed plan's makers for chosen fields of a model (fieldMakers.ts); the defaults for the others. */
  makers?: (model: ModelMeta) => FieldMakers | undefined;
  /**
   * The row index a model's run starts at (rows are a function of seed and index): a seed plan topping a model
   * up from 10 rows to 15 starts at 10, and so writes the rows a first run of 15 would have written last.
   * @default 0
   */
  firstIndex?: (model: ModelMeta) => number;
  /** Called after each batch is committed. */
  onProgress?: (progress: GenerateProgress) => void;
  /** Stops before the next batch; batches already written stay written. */
  signal?: AbortSignal;
}

export interface GeneratedCount {
  model: ModelMeta;
  created: number;
  /** Rows that could not be made unique (every unique value a reference, and every combination taken). */
  skipped: number;
}

export interface GenerateResult {
  steps: GeneratedCount[];
  /** Rows written, over every step. */
  created: number;
}

export async function generateRecords(options: GenerateOptions): Promise<GenerateResult> {
  const { schema, dataSource } = options;
  const steps = await planGeneration(schema, dataSource, options.targets);
  options.beforeWrite?.(steps);
  const faker = await loadFaker();
  const batchSize = Math.max(1, options.batchSize ?? defaultBatchSize);
  // Row indexes continue when a model comes back in the plan (a one-to-one parent topped up), so its rows differ.
  const nextIndex = new Map<string, number>();
  const results: GeneratedCount[] = [];
  for (const [position, step] of steps.entries()) {
    const { model, count } = step;
    const pools = await readPools(schema, dataSource, model);
    const builder = createRowBuilder({
      model,
      provider: dataSource.provider,
      faker,
      seed: options.seed,
      referenceDate: options.referenceDate ?? defaultReferenceDate,
      pools,
      ...(options.writable ? { writable: (field: string) => options.writable?.(model, field) ?? true } : {}),
      makers: options.makers?.(model) ?? {},
    });
    await addExistingValues(dataSource, model, builder);
    const result: GeneratedCount = { model, created: 0, skipped: 0 };
    results.push(result);
    let index = nextIndex.get(model.name) ?? options.firstIndex?.(model) ?? 0;
    let done = 0;
    while (done < count) {
      if (options.signal?.aborted) throw new AtriumError("bad_request", "Generation was cancelled");
      const size = Math.min(count - done, batchSize, selfPoolLimit(model, pools));
      const rows: WriteData[] = [];
      for (let i = 0; i < size; i++) {
        const row = builder.build(index++);
        if (row) rows.push(row);
        else result.skipped++;
      }
      const created = await dataSource.createMany(model, rows, options.context);
      growSelfPools(model, pools, created);
      result.created += created.length;
      done += size;
      options.onProgress?.({ model, created: done, count, step: position, steps: steps.length });
    }
    nextIndex.set(model.name, index);
  }
  return { steps: results, created: results.reduce((sum, step) => sum + step.created, 0) };
}

/** The values the model's unique constraints already hold, so generated rows do not repeat them. */
export async function addExistingValues(dataSource: DataSource, model: ModelMeta, builder: RowBuilder) {
  const fields = [...new Set(builder.tracker.constraints.flat())];
  if (fields.length === 0) return;
  builder.tracker.addExisting(await dataSource.readValues(model, fields, maxPoolSize));
}

/**
 * A model related to itself writes batches no bigger than the records it can already point at (1, 1, 2, 4...),
 * so later rows find earlier ones as parents and the result is a shallow tree rather than a flat list.
 */
function selfPoolLimit(model: ModelMeta, pools: Pools): number {
  const self = [
    ...pools.toOne.filter((pool) => pool.parent.name === model.name).map((pool) => pool.keys.length),
    ...pools.many.filter((pool) => pool.related.name === model.name).map((pool) => pool.ids.length),
  ];
  return self.length === 0 ? Number.POSITIVE_INFINITY : Math.max(1, Math.min(...self));
}
