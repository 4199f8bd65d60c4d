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
  createSystemStore,
  ensureSystemTables,
  loadSchemaMeta,
  loadSchemaMetaFromFile,
  pushSchema,
  type SystemStoreClient,
} from "@atrium/prisma";
import { createAtriumApp } from "@atrium/server";
import { seedDemo } from "../prisma/seed/seedDemo.js";
import { syntheticSchema } from "./syntheticSchema.js";
import { timeMedian } from "./timeMedian.js";

const rows: string[] = [];
function report(name: string, milliseconds: number, note = ""): void {
  rows.push(`| ${name} | ${milliseconds.toFixed(2)} ms | ${note} |`);
  console.error(`${name}: ${milliseconds.toFixed(2)} ms ${note}`);
}

async function benchMetadata(): Promise<void> {
  for (const modelCount of [10, 300]) {
    const text = syntheticSchema(modelCount);
    report(`metadata: load a ${modelCount}-model schema`, await timeMedian(5, () => loadSchemaMeta(text), 1));
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
  for (const [name, path] of cases) report(name, await timeMedian(30, () => get(path)));
  // The same depth by the cursor the page before hands out: a keyset WHERE instead of OFFSET.
  const before = (await get("/api/records/order-item?perPage=50&page=999")) as { nextCursor: string };
  const byCursor = `/api/records/order-item?perPage=50&cursor=${before.nextCursor}`;
  report("list order-item, page 1000 of 50 by cursor", await timeMedian(30, () => get(byCursor)));
  await benchAuditedDeletes(client, schema);
  await client.$disconnect();
  await rm(folder, { recursive: true, force: true });
}

/**
 * Deleting a warehouse takes its inventory rows with it (Cascade) and clears its staff's reference (SetNull). With
 * a history every one of those is read first and recorded; the revert re-creates them all. Compared with the
 * same delete unaudited, in one run.
 */
async function benchAuditedDeletes(
  client: Awaited<ReturnType<typeof createClientForSchema>>,
  schema: Awaited<ReturnType<typeof loadSchemaMetaFromFile>>,
): Promise<void> {
  const systemClient = client as unknown as SystemStoreClient;
  await ensureSystemTables(systemClient, schema.provider);
  const history = createSystemStore(systemClient, schema.provider);
  const dataSource = createPrismaDataSource({ client, schema });
  const audited = createAtriumApp({ schema, dataSource, history });
  const plain = createAtriumApp({ schema, dataSource });
  const send = async (app: typeof plain, method: string, path: string, expected: number) => {
    const response = await app.request(path, {
      method,
      headers: { "Content-Type": "application/json" },
      ...(method === "POST" ? { body: "{}" } : {}),
    });
    if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}`);
  };
  const inventory = (warehouseId: number) =>
    (client as unknown as { inventory: { count(args: object): Promise<number> } }).inventory.count({
      where: { warehouseId },
    });
  const affected = await inventory(1);
  const deleteTimes: number[] = [];
  const revertTimes: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    let started = performance.now();
    await send(audited, "DELETE", "/api/records/warehouse/1", 204);
    deleteTimes.push(performance.now() - started);
    const [entry] = await history.listAudit({
      model: "warehouse",
      recordId: "1",
      action: "delete",
      limit: 1,
    });
    started = performance.now();
    await send(audited, "POST", `/api/history/${entry?.id}/revert`, 200);
    revertTimes.push(performance.now() - started);
  }
  if ((await inventory(1)) !== affected) throw new Error("the revert did not bring every inventory row back");
  const medianOf = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  const note = `${affected} inventory rows taken with it`;
  report("delete warehouse/1, audited (median of 5)", medianOf(deleteTimes), note);
  report("revert that delete: re-create it all (median of 5)", medianOf(revertTimes), note);
  const plainAffected = await inventory(2);
  const started = performance.now();
  await send(plain, "DELETE", "/api/records/warehouse/2", 204);
  report(
    "delete warehouse/2, not audited (once)",
    performance.now() - started,
    `${plainAffected} inventory rows`,
  );
}

if (process.argv.includes("--scale")) {
  // Grows tables to millions of rows: minutes, so only when asked (see bench/scale/runScale.ts).
  const { runScaleBench } = await import("./scale/runScale.js");
  await runScaleBench();
} else {
  await benchMetadata();
  await benchListRequests();
  console.log(`| measurement | median | note |\n| --- | --- | --- |\n${rows.join("\n")}`);
}
