/**
 * `npm run load`: 200 signed-in clients drive the API for 10 minutes against PostgreSQL with the demo grown to
 * a million orders, mixing lists, filtered lists, searches, record pages and edits, and the server's memory is
 * sampled. Prints a Markdown table for docs/benchmarks.md. Options: `--duration <s>` (600),
 * `--connections <n>` (200), `--orders <n>` (1000000), `--fresh` (rebuild the database `atrium_load`, which
 * is otherwise kept between runs to skip the seeding).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { createClientForSchema, pushSchema } from "@atrium/prisma";
import autocannon from "autocannon";
import pg from "pg";
import { createUser, openUserDatabase } from "../packages/atrium/src/commands/createUser.js";
import { seedDemo } from "../prisma/seed/seedDemo.js";
import { growOrders } from "./load/growOrders.js";
import { type RequestMix, requestMix } from "./load/requestMix.js";
import { type ServerProcess, startServerProcess } from "./load/serverProcess.js";

const { values } = parseArgs({
  options: {
    duration: { type: "string" },
    connections: { type: "string" },
    orders: { type: "string" },
    fresh: { type: "boolean" },
  },
});
const duration = Number(values.duration ?? 600);
const connections = Number(values.connections ?? 200);
const targetOrders = Number(values.orders ?? 1_000_000);
const databaseName = "atrium_load";
/** The PostgreSQL server's admin connection; the load database is made beside it. */
const adminUrl = process.env.ATRIUM_LOAD_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const url = adminUrl.replace(/\/[^/]*$/, `/${databaseName}`);
const demoSchemaPath = new URL("../prisma/schema.prisma", import.meta.url).pathname;
/** The demo's schema on PostgreSQL: the same models, the datasource's provider changed. */
const schemaPath = new URL("../.data/load/schema.prisma", import.meta.url).pathname;
const account = { email: "load@example.com", password: "a-long-load-password" };
const log = (message: string) => console.error(`[load] ${message}`);

async function adminQuery(sql: string, values: unknown[] = []): Promise<unknown[]> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return (await admin.query(sql, values)).rows;
  } finally {
    await admin.end();
  }
}

/** The database's comment once it is seeded: a run stopped half-way leaves none, and the next starts over. */
const seededMark = "atrium load test: seeded";

async function prepareDatabase(): Promise<void> {
  const schemaText = (await readFile(demoSchemaPath, "utf8")).replace(
    /provider\s*=\s*"sqlite"/,
    'provider = "postgresql"',
  );
  await mkdir(dirname(schemaPath), { recursive: true });
  await writeFile(schemaPath, schemaText);
  const [found] = (await adminQuery(
    "SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1",
    [databaseName],
  )) as { mark: string | null }[];
  if (found?.mark === seededMark && !values.fresh) return;
  log("creating and seeding the demo database on PostgreSQL (once; kept for later runs)");
  await adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${databaseName}`);
  await pushSchema({ schemaText, url });
  const client = await createClientForSchema(schemaPath, url);
  try {
    await seedDemo(client as never);
  } finally {
    await client.$disconnect();
  }
  const users = await openUserDatabase(schemaPath, url);
  await createUser(users.store, { ...account, isSuperuser: true });
  await users.close();
  await adminQuery(`COMMENT ON DATABASE ${databaseName} IS '${seededMark}'`);
}

async function signIn(server: ServerProcess): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify(account),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

function runLoad(server: ServerProcess, cookies: string[], mix: RequestMix): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: server.url,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request, context) => {
          // Each connection is one signed-in client with a session of its own.
          const client = context as { cookie?: string };
          client.cookie ??= cookies[next++ % cookies.length];
          return mix.next(request, client.cookie ?? "", server.url);
        },
      },
    ],
  });
}

async function main(): Promise<void> {
  await prepareDatabase();
  const size = await growOrders(url, targetOrders);
  log(`orders: ${size.orders.toLocaleString("en")}, order items: ${size.items.toLocaleString("en")}`);
  const server = await startServerProcess(schemaPath, url);
  try {
    const cookies: string[] = [];
    for (let index = 0; index < connections; index += 1) cookies.push(await signIn(server));
    const mix = await requestMix(url);
    const memory: number[] = [];
    const sampler = setInterval(() => memory.push(server.rssMiB()), 5000);
    log(`${connections} clients for ${duration} s against ${server.url}`);
    const result = await runLoad(server, cookies, mix);
    clearInterval(sampler);
    const warm = memory[Math.min(memory.length - 1, Math.ceil(memory.length / 10))] ?? 0;
    const serverErrors = server.errors.filter((line) => /atrium: (unexpected|database)/.test(line));
    const status = (code: string) => result.statusCodeStats?.[code as "200"]?.count ?? 0;
    const fivexx = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => code.startsWith("5"))
      .reduce((sum, [, stats]) => sum + (stats.count ?? 0), 0);
    console.log(
      [
        `| ${connections} clients, ${duration} s, PostgreSQL, ${size.orders.toLocaleString("en")} orders / ${size.items.toLocaleString("en")} items | value |`,
        "| --- | --- |",
        `| requests | ${result.requests.total.toLocaleString("en")} (${status("200")} answered 200) |`,
        `| requests/s (mean) | ${result.requests.average.toFixed(0)} |`,
        `| latency p50 / p97.5 / p99 | ${result.latency.p50} / ${result.latency.p97_5} / ${result.latency.p99} ms |`,
        `| 5xx answers | ${fivexx} |`,
        `| errors and time-outs (client side) | ${result.errors} / ${result.timeouts} |`,
        `| errors in the server's log | ${serverErrors.length} |`,
        `| server memory after warm-up / at the end / peak | ${warm.toFixed(0)} / ${(memory.at(-1) ?? 0).toFixed(0)} / ${Math.max(...memory).toFixed(0)} MiB |`,
      ].join("\n"),
    );
    for (const line of serverErrors.slice(0, 5)) log(`server: ${line}`);
  } finally {
    await server.stop();
  }
}

await main();
