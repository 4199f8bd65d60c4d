/**
 * The fixed dataset: fills an empty database (pushed from prisma/schema.prisma) with about 165,000 bookstore rows
 * at fixed ids. Deterministic: the same scale always writes the same rows, whatever the day or machine.
 *
 * Why two sources of bookstore data: the demo a user sees comes from the seed plan in atrium.config.ts (`atrium
 * seed`, makers in plan/), which is also the project's example of seed plans, and is free to change with it. This
 * hand-written generator is the fixture of the unit tests and benchmarks (packages/atrium/test/schemaPaths.ts,
 * bench/, e2e/mounted/): a big table to page and count through, and invariants a plan cannot promise (every
 * order's total is the sum of its items, every edition is one of its book's, ratings are the reviews' average),
 * kept byte-for-byte the same so that their numbers compare from run to run.
 */
import { performance } from "node:perf_hooks";
import { AtriumError } from "@atrium/core";
import type { Prisma, PrismaClient } from "../generated/client/client.js";
import { generateDemoData } from "./generateDemoData.js";
import { insertDemoData, type ModelRows } from "./insertDemoData.js";

export type { ModelRows } from "./insertDemoData.js";

export interface SeedDemoOptions {
  /**
   * Multiplies the row counts; 1 gives about 165,000 rows. Fixed lists (category tree, tags, warehouses,
   * settings) do not scale, and small scales keep a minimum of each model.
   * @default 1
   */
  scale?: number;
}

export interface SeedSummary {
  /** Rows written per model, in insert order. */
  models: ModelRows[];
  totalRows: number;
  /** Wall-clock seconds for generating and inserting. */
  seconds: number;
}

const MAX_SCALE = 20;

export async function seedDemo(client: PrismaClient, options: SeedDemoOptions = {}): Promise<SeedSummary> {
  const scale = options.scale ?? 1;
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) {
    throw new AtriumError(
      "validation_failed",
      `The demo scale must be a number above 0 and at most ${MAX_SCALE}.`,
      {
        fields: { scale: `Use a number above 0 and at most ${MAX_SCALE}, e.g. 1 for the full demo.` },
      },
    );
  }
  const started = performance.now();
  const data = generateDemoData(scale);
  // One transaction: all or nothing, and SQLite syncs to disk once instead of once per statement.
  const models = await client.$transaction(
    async (tx) => {
      await assertEmpty(tx);
      return insertDemoData(tx, data);
    },
    { maxWait: 10_000, timeout: 600_000 },
  );
  return {
    models,
    totalRows: models.reduce((sum, entry) => sum + entry.rows, 0),
    seconds: Math.round(performance.now() - started) / 1000,
  };
}

/** The seed writes fixed ids, so existing rows would collide half-way; refuse up front instead. */
async function assertEmpty(tx: Prisma.TransactionClient): Promise<void> {
  const counts: [string, number][] = [
    ["Author", await tx.author.count()],
    ["Book", await tx.book.count()],
    ["Category", await tx.category.count()],
    ["Customer", await tx.customer.count()],
    ["Order", await tx.order.count()],
    ["Staff", await tx.staff.count()],
    ["Setting", await tx.setting.count()],
  ];
  const filled = counts.filter(([, rows]) => rows > 0).map(([model]) => model);
  if (filled.length > 0) {
    throw new AtriumError(
      "conflict",
      `The demo database already has data (${filled.join(", ")}); seed a freshly pushed, empty database.`,
    );
  }
}
