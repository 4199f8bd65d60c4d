/**
 * `npm run bench:exchange -- --rows 1000000 [--formats csv,ndjson,json]`: export throughput and memory. A SQLite
 * table of `--rows` rows of typed columns (BigInt, Decimal, DateTime, Boolean, texts), grown with the driver
 * itself by copying a row Prisma wrote (its formats for dates and decimals); then `GET /api/export/item` through
 * the whole app in process, its body read as a download reads it. What the export holds on to is the heap after a
 * full collection (`--expose-gc`) at each tenth of the rows: flat when memory does not grow with the export. The
 * floor: the raw driver iterating the same rows into NDJSON text. Then an import of `--import-rows` of them
 * (their CSV without ids, so every row creates a record): the dry run, and the commit (checked, then written in
 * one transaction, without an audit sink here). Prints a Markdown table for docs/benchmarks.md.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  createClientForSchema,
  createPrismaDataSource,
  loadSchemaMetaFromFile,
  pushSchema,
} from "@atrium/prisma";
import { createAtriumApp } from "@atrium/server";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    formats: { type: "string", default: "csv,ndjson,json" },
    "import-rows": { type: "string", default: "10000" },
  },
});
const rowCount = Number(values.rows);
if (!Number.isSafeInteger(rowCount) || rowCount < 1)
  throw new Error("--rows must be a whole number of 1 or more");
const formats = (values.formats ?? "").split(",").filter(Boolean);
const importRows = Math.min(rowCount, Number(values["import-rows"]));

const schemaText = `datasource db {
  provider = "sqlite"
}

generator client {
  provider     = "prisma-client"
  output       = "./generated"
  moduleFormat = "esm"
}

model Item {
  id       Int      @id @default(autoincrement())
  title    String
  quantity Int
  big      BigInt
  price    Decimal
  at       DateTime
  flag     Boolean
  note     String?

  @@index([title])
}
`;

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const folder = await mkdtemp(join(tmpdir(), "atrium-exchange-bench-"));

try {
  const schemaPath = join(folder, "schema.prisma");
  const file = join(folder, "items.db");
  await writeFile(schemaPath, schemaText);
  await pushSchema({ schemaText, url: `file:${file}` });
  // biome-ignore lint/suspicious/noExplicitAny: a generated client of the bench's own schema, used untyped.
  const client = (await createClientForSchema(schemaPath, `file:${file}`)) as any;
  await client.item.create({
    data: {
      title: "Item 1",
      quantity: 1,
      big: 9_007_199_254_740_993n,
      price: "12.50",
      at: new Date(),
      flag: true,
    },
  });
  const raw = new Database(file);
  const sample = raw.prepare("SELECT * FROM Item WHERE id = 1").get() as Record<string, unknown>;
  const insert = raw.prepare(
    "INSERT INTO Item (id, title, quantity, big, price, at, flag, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const seeded = performance.now();
  raw.transaction(() => {
    for (let id = 2; id <= rowCount; id += 1) {
      const note = id % 3 === 0 ? null : `Note, "quoted", ${id}`;
      insert.run(
        id,
        `Item ${id}`,
        id % 1000,
        9_007_199_254_740_993n + BigInt(id),
        sample.price,
        sample.at,
        id % 2,
        note,
      );
    }
  })();
  log(
    `Seeded ${rowCount.toLocaleString("en")} rows in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );

  const schema = await loadSchemaMetaFromFile(schemaPath);
  const dataSource = createPrismaDataSource({ client, schema });
  const app = createAtriumApp({ schema, dataSource, maxImportRows: importRows, maxImportBytes: 2 ** 31 - 1 });
  const lines: string[] = [
    "| what | rows | MB written | seconds | rows/s | heap after GC at each tenth (MiB) | heap peak | RSS peak |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];

  for (const format of formats) {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const response = await app.request(`/api/export/item?format=${format}`);
    if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
    const reader = response.body.getReader();
    let bytes = 0;
    let rows = 0;
    let peak = before;
    let peakRss = process.memoryUsage().rss;
    // What the export holds on to: the heap after a full collection at each tenth of the rows.
    const retained: number[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const byte of value) if (byte === 10) rows += 1;
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.heapUsed);
      peakRss = Math.max(peakRss, usage.rss);
      if (globalThis.gc && rows >= ((retained.length + 1) * rowCount) / 10) {
        globalThis.gc();
        retained.push(process.memoryUsage().heapUsed);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    // Newlines: one per row, plus CSV's header line and JSON's lines before and after its closing bracket.
    const written = format === "csv" ? rows - 1 : format === "json" ? rows - 2 : rows;
    if (written !== rowCount) throw new Error(`${format}: wrote ${written} rows, expected ${rowCount}`);
    log(`${format}: ${seconds.toFixed(1)} s`);
    lines.push(
      `| GET /api/export/item?format=${format} | ${written.toLocaleString("en")} | ${(bytes / 1e6).toFixed(0)} | ${seconds.toFixed(1)} | ${Math.round(written / seconds).toLocaleString("en")} | ${retained.map((value) => Math.round(value / 2 ** 20)).join(", ")} | ${mib(peak)} | ${mib(peakRss)} |`,
    );
  }

  // An import of the first rows as new records: their CSV export without the id column, checked, then written.
  if (importRows > 0) {
    const exported = await app.request(`/api/export/item?format=csv&sort=id&filter.id.lte=${importRows}`);
    const file = (await exported.text()).replace(/^id,/, "").replace(/\r\n\d+,/g, "\r\n");
    for (const dryRun of [true, false]) {
      const started = performance.now();
      const answer = await app.request(`/api/import/item?format=csv${dryRun ? "&dryRun=1" : ""}`, {
        method: "POST",
        body: file,
      });
      const seconds = (performance.now() - started) / 1000;
      const body = (await answer.json()) as { summary?: { create: number }; created?: number };
      const rows = body.summary?.create ?? body.created ?? 0;
      if (answer.status !== 200 || rows !== importRows) throw new Error(`import answered ${answer.status}`);
      lines.push(
        `| POST /api/import/item?format=csv${dryRun ? "&dryRun=1" : " (commit: checked, then written)"} | ${rows.toLocaleString("en")} | ${(file.length / 1e6).toFixed(0)} read | ${seconds.toFixed(1)} | ${Math.round(rows / seconds).toLocaleString("en")} | | | |`,
      );
    }
  }

  // The floor: the same rows straight from the driver into NDJSON text, nothing kept.
  const floorStarted = performance.now();
  let floorBytes = 0;
  for (const row of raw.prepare("SELECT * FROM Item ORDER BY id DESC").iterate()) {
    floorBytes +=
      JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? String(value) : value)).length + 1;
  }
  const floorSeconds = (performance.now() - floorStarted) / 1000;
  lines.push(
    `| better-sqlite3 iterate() + JSON.stringify (the floor) | ${rowCount.toLocaleString("en")} | ${(floorBytes / 1e6).toFixed(0)} | ${floorSeconds.toFixed(1)} | ${Math.round(rowCount / floorSeconds).toLocaleString("en")} | | | |`,
  );
  raw.close();
  await dataSource.close();
  console.log(
    [
      ...lines,
      "",
      `Heap before the exports: ${mib(process.memoryUsage().heapUsed)}; Node ${process.version}, ${rowCount.toLocaleString("en")} rows.`,
    ].join("\n"),
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
