/**
 * The first rows a generation would write for a model, without writing anything: the same rows `generateRecords`
 * writes for the same seed when the model's parents already have records. Keys of relations whose parents have
 * none yet are left out (those parents would be generated first), as are values the database fills in.
 */
import type { DataSource, ModelMeta, SchemaMeta } from "@atrium/core";
import { AtriumError } from "@atrium/core";
import { addExistingValues, defaultReferenceDate } from "./generateRecords.js";
import { loadFaker } from "./loadFaker.js";
import { cannotGenerate } from "./planGeneration.js";
import { readPools } from "./relationPools.js";
import { createRowBuilder } from "./rowBuilder.js";

export interface PreviewOptions {
  schema: SchemaMeta;
  dataSource: DataSource;
  model: ModelMeta;
  seed: number;
  /** @default 5 */
  count?: number;
  /** @default defaultReferenceDate */
  referenceDate?: Date;
  /** See GenerateOptions.writable. @default every field */
  writable?: (field: string) => boolean;
}

/** Each previewed row's scalar and enum values (typed JavaScript values, as a DataSource takes them). */
export async function previewRecords(options: PreviewOptions): Promise<Record<string, unknown>[]> {
  const { model, dataSource } = options;
  const reason = cannotGenerate(model, dataSource.provider);
  if (reason) throw new AtriumError("bad_request", reason);
  const builder = createRowBuilder({
    model,
    provider: dataSource.provider,
    faker: await loadFaker(),
    seed: options.seed,
    referenceDate: options.referenceDate ?? defaultReferenceDate,
    pools: await readPools(options.schema, dataSource, model),
    allowMissingParents: true,
    ...(options.writable ? { writable: options.writable } : {}),
  });
  await addExistingValues(dataSource, model, builder);
  const rows: Record<string, unknown>[] = [];
  for (let index = 0; index < (options.count ?? 5); index++) {
    const row = builder.build(index);
    if (row) rows.push(row.scalars);
  }
  return rows;
}
