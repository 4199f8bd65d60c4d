/**
 * The shared body of the per-database suites: every model of the shape schemas generated at once, then checks
 * that each has the rows it was asked for.
 */
import { readFile } from "node:fs/promises";
import type { DatabaseProvider } from "@atrium/core";
import { openTestDatabase, type TestDatabase } from "@atrium/prisma/testing";
import { generateRecords, orderForAll } from "../src/index.js";

/** Composite ids, a model addressed by a @unique only, self-relations, m-n, one-to-one, compound uniques. */
export const shapeSchemas = ["zoo/shapes", "keys"] as const;

export interface EverythingResult {
  db: TestDatabase;
  counts: Map<string, number>;
  skipped: string[];
}

export async function generateEverything(
  schemaName: string,
  provider: DatabaseProvider,
  count: number,
  seed: number,
): Promise<EverythingResult> {
  const schemaText = await readFile(
    new URL(`../../prisma/test/schemas/${schemaName}.prisma`, import.meta.url),
    "utf8",
  );
  const db = await openTestDatabase(schemaName.replace("/", "-"), { provider, schemaText });
  const { models, skipped } = orderForAll(db.schema);
  const result = await generateRecords({
    schema: db.schema,
    dataSource: db.dataSource,
    targets: models.map((model) => ({ model, count })),
    seed,
  });
  const counts = new Map<string, number>();
  for (const model of models) counts.set(model.name, (await db.dataSource.count(model)).total ?? -1);
  const notGenerated = result.steps
    .filter((step) => step.skipped > 0)
    .map((step) => `${step.model.name}: ${step.skipped}`);
  return { db, counts, skipped: [...skipped.map((entry) => entry.reason), ...notGenerated] };
}
