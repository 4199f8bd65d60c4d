/**
 * `npm run bench:startup`: how long `atrium serve` takes on a 300-model schema (bench/startupSchema.ts) from
 * the process's start to the first 200 on /healthz, the moment a load balancer or a user sees the server.
 *
 * - cold: first run, nothing generated yet: no Prisma client for the schema, no metadata cache.
 * - warm: every later start of the same schema (median of the runs).
 *
 * The server runs as its own process, started the way `npm run atrium -- serve` starts it: Node with tsx's
 * loader running packages/atrium/src/cli.ts (without npm's start-up, and without the tsx command's own wrapper
 * process, which adds about 70 ms). Besides the wall-clock time it reports the CPU time the server used until
 * then, which other jobs on a shared machine disturb less. Results go to stdout as a Markdown table; copy them
 * into docs/benchmarks.md. `--runs N` sets the number of warm runs (default 5); `--models N` the size;
 * `--compiled` runs the installed form instead: `node packages/atrium/dist/cli.js` (run `npm run build` first).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { clearStartupCaches, pushSchema } from "@atrium/prisma";
import { startupSchema } from "./startupSchema.js";

const repoRoot = resolve(import.meta.dirname, "..");
const cliPath = join(repoRoot, "packages/atrium/src/cli.ts");
const compiledCliPath = join(repoRoot, "packages/atrium/dist/cli.js");
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

interface StartTiming {
  /** Milliseconds from spawning the process to the first 200 on /healthz. */
  healthy: number;
  /** CPU milliseconds (user and system) the server process used until then. */
  cpu: number;
  /** Milliseconds the server says it spent generating the schema's Prisma client (cold starts only). */
  generation: number;
}

/** The generation time the server prints on a cold start ("Generated the Prisma client ... in 9.8 s"). */
function generationMilliseconds(output: string): number {
  const seconds = /Generated the Prisma client .* in ([\d.]+) s/.exec(output)?.[1];
  return seconds === undefined ? 0 : Number(seconds) * 1000;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** Starts the server, polls /healthz every 10 ms until it answers 200, then stops the server. */
async function timeOneStart(command: string[], configPath: string, port: number): Promise<StartTiming> {
  const started = performance.now();
  // Its own process group, so that stopping it also stops what it started.
  const child = spawn(process.execPath, [...command, "serve", "--config", configPath], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port) },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<never>((_, fail) =>
    child.once("exit", (code) =>
      fail(new Error(`the server exited (code ${code}) before /healthz:\n${output}`)),
    ),
  );
  exited.catch(() => undefined);
  try {
    const healthy = await Promise.race([waitForHealth(port, started), exited]);
    const cpu = child.pid ? cpuMilliseconds(child.pid) : Number.NaN;
    return { healthy, cpu, generation: generationMilliseconds(output) };
  } finally {
    await stop(child);
  }
}

/** utime + stime of a live process, from /proc (Linux), in milliseconds. */
function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

async function waitForHealth(port: number, started: number): Promise<number> {
  const deadline = started + 180_000;
  while (performance.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 10));
  }
  throw new Error("/healthz did not answer 200 within 3 minutes");
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const gone = new Promise((done) => child.once("exit", done));
  process.kill(-child.pid, "SIGTERM");
  const killed = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5000);
  await gone;
  clearTimeout(killed);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: "string" }, models: { type: "string" }, compiled: { type: "boolean" } },
  });
  const command = values.compiled
    ? [compiledCliPath]
    : ["--conditions=@atrium/source", "--import", tsxLoader, cliPath];
  const mode = values.compiled ? "compiled JavaScript" : "tsx";
  const runs = Number(values.runs ?? 5);
  const models = Number(values.models ?? 300);
  const folder = await mkdtemp(join(tmpdir(), "atrium-startup-"));
  try {
    const schemaText = startupSchema(models);
    const schemaPath = join(folder, "schema.prisma");
    await writeFile(schemaPath, schemaText);
    const configPath = join(folder, "atrium.config.json");
    await writeFile(
      configPath,
      JSON.stringify({ schema: "./schema.prisma", databaseUrl: "file:./bench.db" }),
    );
    // The application's tables exist, as they do in a real project; not timed.
    await pushSchema({ schemaText, url: `file:${join(folder, "bench.db")}` });
    const port = await freePort();

    await clearStartupCaches(schemaPath);
    const cold = await timeOneStart(command, configPath, port);
    console.error(
      `cold: ${cold.healthy.toFixed(0)} ms (CPU ${cold.cpu} ms), of which generating the client ${cold.generation} ms`,
    );
    const warm: StartTiming[] = [];
    for (let run = 0; run < runs; run += 1) {
      const timing = await timeOneStart(command, configPath, port);
      console.error(`warm ${run + 1}: ${timing.healthy.toFixed(0)} ms (CPU ${timing.cpu} ms)`);
      warm.push(timing);
    }
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(
      [
        `| ${models}-model schema, ${mode} | first 200 on /healthz | of which generating the client | server CPU until then |`,
        "| --- | --- | --- | --- |",
        `| cold (no generated client, no cache) | ${ms(cold.healthy)} | ${ms(cold.generation)} | ${ms(cold.cpu)} |`,
        `| warm (median of ${runs}) | ${ms(median(warm.map((run) => run.healthy)))} | none | ${ms(median(warm.map((run) => run.cpu)))} |`,
      ].join("\n"),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
