/**
 * `npm run bench -- --scale`: the demo's `orders` and `order_items` grown to 10 thousand, 1 million and 10 million
 * rows each, on SQLite and PostgreSQL, and at each size, in one run: five list and record requests through
 * Atrium's whole stack (Hono app in process, data source, Prisma 7 and its driver adapter) side by side with the
 * same answer straight through the same driver (cases.ts); the statements each request runs; requests per
 * second at 50 clients for list page 1, Atrium's and the raw driver's; the process's memory. Prints Markdown
 * tables for docs/benchmarks.md. Options: --databases sqlite,postgresql --sizes 10000,1000000,10000000
 * --runs 20 --clients 50 --seconds 10.
 */
import { parseArgs } from "node:util";
import { createPrismaDataSource, loadSchemaMetaFromFile } from "@atrium/prisma";
import { createAtriumApp, toNodeListener } from "@atrium/server";
import { timeMedians } from "../timeMedian.js";
import { scaleCases } from "./cases.js";
import { openScaleDatabase, type ScaleDatabase, type ScaleDatabaseKind } from "./databases.js";
import { createParents, growTo } from "./growTables.js";
import { measureThroughput, rawListener } from "./throughput.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((argument) => argument !== "--scale"),
  options: {
    databases: { type: "string", default: "sqlite,postgresql" },
    sizes: { type: "string", default: "10000,1000000,10000000" },
    runs: { type: "string", default: "20" },
    clients: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs);
const load = { connections: Number(values.clients), seconds: Number(values.seconds) };
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toPrecision(3));

async function benchDatabase(kind: ScaleDatabaseKind): Promise<string[]> {
  const database = await openScaleDatabase(kind);
  const lines: string[] = [];
  try {
    const schema = await loadSchemaMetaFromFile(database.schemaPath);
    const app = createAtriumApp({
      schema,
      dataSource: createPrismaDataSource({ client: database.client, schema }),
    });
    const countingApp = createAtriumApp({
      schema,
      dataSource: createPrismaDataSource({ client: database.countingClient, schema }),
    });
    await createParents(database.client);
    const cases = scaleCases(schema);
    lines.push(
      `### ${kind === "sqlite" ? "SQLite" : "PostgreSQL"}`,
      "",
      "| rows (orders / items) | request | Atrium | raw driver | Atrium ÷ raw | statements (Atrium / raw) |",
      "| --- | --- | --- | --- | --- | --- |",
    );
    const summary: string[] = [];
    for (const size of sizes) {
      const started = performance.now();
      await growTo(database.driver, size);
      log(
        `${kind}: grown to ${size} orders and items in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      for (const scaleCase of cases) {
        const path = scaleCase.path(size);
        const answer = async () => {
          const response = await app.request(path);
          if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
          return response.text();
        };
        const started = performance.now();
        const statements = await countStatements(database, () => countingApp.request(path));
        // A request of seconds (a search that reads the whole table) is timed 5 times, not `runs`.
        const times = performance.now() - started > 500 ? Math.min(runs, 5) : runs;
        const [atrium = 0, raw = 0] = await timeMedians(
          times,
          [answer, () => scaleCase.raw(database.driver, size)],
          times < runs ? 1 : 3,
        );
        const rawStatements = scaleCase.name.startsWith("record") ? 2 : 3;
        lines.push(
          `| ${size.toLocaleString("en")} | ${scaleCase.name} | ${ms(atrium)} ms | ${ms(raw)} ms | ${(atrium / raw).toFixed(2)} | ${statements} / ${rawStatements} |`,
        );
        log(`${kind} ${size} ${scaleCase.name}: Atrium ${ms(atrium)} ms, raw ${ms(raw)} ms`);
      }
      const listPath = cases[0]?.path(size) ?? "";
      const atriumLoad = await measureThroughput(toNodeListener(app), listPath, load);
      const rawLoad = await measureThroughput(
        rawListener(() => cases[0]?.raw(database.driver, size) ?? Promise.resolve("")),
        "/",
        load,
      );
      const memory = process.memoryUsage();
      summary.push(
        `| ${size.toLocaleString("en")} | ${atriumLoad.requestsPerSecond.toFixed(0)} (p50 ${atriumLoad.p50} ms, p99 ${atriumLoad.p99} ms) | ${rawLoad.requestsPerSecond.toFixed(0)} (p50 ${rawLoad.p50} ms, p99 ${rawLoad.p99} ms) | ${atriumLoad.failures + rawLoad.failures} | ${(memory.rss / 2 ** 20).toFixed(0)} MiB / ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB |`,
      );
      log(
        `${kind} ${size}: ${atriumLoad.requestsPerSecond.toFixed(0)} req/s Atrium, ${rawLoad.requestsPerSecond.toFixed(0)} raw`,
      );
    }
    lines.push(
      "",
      `| rows | list page 1 at ${load.connections} clients, Atrium: requests/s | the raw driver's answer: requests/s | failed requests | memory after (RSS / heap) |`,
      "| --- | --- | --- | --- | --- |",
      ...summary,
      "",
    );
  } finally {
    await database.drop();
  }
  return lines;
}

/** The statements one request runs, counted by the logging client's `query` events. */
async function countStatements(
  database: ScaleDatabase,
  request: () => Response | Promise<Response>,
): Promise<number> {
  database.statements.count = 0;
  const response = await request();
  if (response.status !== 200) throw new Error(`the counted request answered ${response.status}`);
  return database.statements.count;
}

export async function runScaleBench(): Promise<void> {
  // Each database's tables as soon as they are measured: a 10-million-row run takes most of an hour.
  for (const kind of values.databases.split(",") as ScaleDatabaseKind[]) {
    console.log((await benchDatabase(kind)).join("\n"));
  }
}
