/**
 * `npm run bench`: measures start-up metadata loading and list requests through the whole stack (Hono app,
 * data source, Prisma, SQLite) on a seeded demo database. Results go to stdout as a Markdown table; copy them
 * into docs/benchmarks.md with the date and machine. Compare ratios within one run: the machines are shared.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  createClientForSchema,
  createPrismaDataSource,
  loadSchemaMeta,
  loadSchemaMetaFromFile,
  pushSchema,
} from "@atrium/prisma";
import { createAtriumApp } from "@atrium/server";
import { seedDemo } from "../prisma/seed/seedDemo.js";
import { syntheticSchema } from "./syntheticSchema.js";

const rows: string[] = [];
function report(name: string, milliseconds: number, note = ""): void {
  rows.push(`| ${name} | ${milliseconds.toFixed(2)} ms | ${note} |`);
  console.error(`${name}: ${milliseconds.toFixed(2)} ms ${note}`);
}

/** Median of `runs` timings after `warmup` untimed runs. */
async function median(runs: number, task: () => Promise<unknown> | unknown, warmup = 3): Promise<number> {
  for (let index = 0; index < warmup; index += 1) await task();
  const timings: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await task();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)] ?? Number.NaN;
}

async function benchMetadata(): Promise<void> {
  for (const modelCount of [10, 300]) {
    const text = syntheticSchema(modelCount);
    report(`metadata: load a ${modelCount}-model schema`, await median(5, () => loadSchemaMeta(text), 1));
  }
}

async function benchListRequests(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), "atrium-bench-"));
  const schemaPath = new URL("../prisma/schema.prisma", import.meta.url).pathname;
  const url = `file:${join(folder, "bench.db")}`;
  await pushSchema({ schemaText: await readFile(schemaPath, "utf8"), url });
  const client = await createClientForSchema(schemaPath, url);
  const seedStarted = performance.now();
  const summary = await seedDemo(client as never);
  report("seed the demo database", performance.now() - seedStarted, `${summary.totalRows} rows`);

  const schema = await loadSchemaMetaFromFile(schemaPath);
  const app = createAtriumApp({ schema, dataSource: createPrismaDataSource({ client, schema }) });
  const get = async (path: string) => {
    const response = await app.request(path);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return response.json();
  };
  const cases: [string, string][] = [
    ["list order-item, page 1 of 50", "/api/records/order-item?perPage=50"],
    ["list order-item, page 1000 of 50 (OFFSET 49,950)", "/api/records/order-item?perPage=50&page=1000"],
    ["list book, page 1 of 100, with relations and counts", "/api/records/book?perPage=100"],
    ["list book, search 'the'", "/api/records/book?perPage=50&q=the"],
    [
      "list order, filter status and date range",
      "/api/records/order?filter.status.eq=SHIPPED&filter.placedAt.gte=2026-01-01",
    ],
    ["record book/1", "/api/records/book/1"],
    ["lookup author q=an", "/api/lookup/author?q=an"],
    ["delete preview customer/1", "/api/records/customer/1/delete-preview"],
    ["counts of every model", "/api/counts"],
  ];
  for (const [name, path] of cases) report(name, await median(30, () => get(path)));
  await client.$disconnect();
  await rm(folder, { recursive: true, force: true });
}

await benchMetadata();
await benchListRequests();
console.log(`| measurement | median | note |\n| --- | --- | --- |\n${rows.join("\n")}`);
