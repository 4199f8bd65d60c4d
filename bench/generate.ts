/**
 * `npm run bench:generate [-- --count 100000 --model Order]`: how fast `atrium generate` fills an empty SQLite
 * database of the demo's schema, the way a user runs it (parents generated first, batches of 500 each in a
 * transaction, every record audited as the system), side by side with the least the driver needs to write the
 * same rows: the generated rows read back and inserted into a fresh copy of the schema with one prepared INSERT,
 * in transactions of 500, without audit. Prints a Markdown table for docs/benchmarks.md.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pushSchema } from "@atrium/prisma";
import Database from "better-sqlite3";
import { generateData } from "../packages/atrium/src/commands/generateData.js";

const { values } = parseArgs({
  options: { count: { type: "string", default: "100000" }, model: { type: "string", default: "Order" } },
});
const count = Number(values.count);
const schemaPath = new URL("../prisma/schema.prisma", import.meta.url).pathname;
const schemaText = await readFile(schemaPath, "utf8");
const folder = await mkdtemp(join(tmpdir(), "atrium-generate-bench-"));
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

try {
  const atriumFile = join(folder, "atrium.db");
  await pushSchema({ schemaText, url: `file:${atriumFile}` });
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const started = performance.now();
  const result = await generateData({
    schemaPath,
    databaseUrl: `file:${atriumFile}`,
    models: [values.model],
    count,
    seed: 1,
    report: (event) => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if ("notice" in event) log(event.notice);
      else if (event.created === event.count || event.created % 20_000 === 0)
        log(`${event.model.name}: ${event.created}/${event.count}`);
    },
  });
  const atriumSeconds = (performance.now() - started) / 1000;
  const target = result.steps.find((step) => step.model.name === values.model);
  if (!target) throw new Error(`No step wrote ${values.model}`);

  // The same rows, straight through the driver, into a fresh copy of the schema.
  const rawFile = join(folder, "raw.db");
  await pushSchema({ schemaText, url: `file:${rawFile}` });
  const source = new Database(atriumFile, { readonly: true });
  const raw = new Database(rawFile);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = FULL");
  raw.pragma("foreign_keys = OFF");
  let rawSeconds = 0;
  let rawRows = 0;
  for (const step of result.steps) {
    const table = step.model.dbName ?? step.model.name;
    const rows = source.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][];
    const columns = source
      .prepare(`SELECT * FROM "${table}" LIMIT 0`)
      .columns()
      .map((column) => column.name);
    const insert = raw.prepare(
      `INSERT INTO "${table}" (${columns.map((name) => `"${name}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    );
    const batch = raw.transaction((slice: unknown[][]) => {
      for (const row of slice) insert.run(...row);
    });
    const begin = performance.now();
    for (let at = 0; at < rows.length; at += 500) batch(rows.slice(at, at + 500));
    rawSeconds += (performance.now() - begin) / 1000;
    rawRows += rows.length;
  }
  source.close();
  raw.close();

  const perSecond = (rows: number, seconds: number) => Math.round(rows / seconds).toLocaleString("en");
  console.log(
    [
      `| what | rows | seconds | rows/s |`,
      `| --- | --- | --- | --- |`,
      `| atrium generate ${values.model} --count ${count} (with ${result.steps.length - 1} parent models, audited) | ${result.created.toLocaleString("en")} | ${atriumSeconds.toFixed(1)} | ${perSecond(result.created, atriumSeconds)} |`,
      `| the same rows through better-sqlite3 (prepared INSERT, 500 per transaction, no audit) | ${rawRows.toLocaleString("en")} | ${rawSeconds.toFixed(1)} | ${perSecond(rawRows, rawSeconds)} |`,
      "",
      `${values.model} alone: ${target.created.toLocaleString("en")} rows. Heap: ${Math.round(heapBefore / 2 ** 20)} MiB before, ${Math.round(peakHeap / 2 ** 20)} MiB at most during the run.`,
    ].join("\n"),
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
