/**
 * The server under load, in a process of its own (as in production: the load generator must not share its
 * event loop), started from the sources the way `npm run atrium -- serve` starts it, with its memory sampled.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "../..");

export interface ServerProcess {
  url: string;
  /** Lines the server wrote to stderr (its error log). */
  errors: string[];
  /** Resident memory now, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export async function startServerProcess(schemaPath: string, databaseUrl: string): Promise<ServerProcess> {
  const script = `
    const { startServer } = await import(${JSON.stringify(join(repoRoot, "packages/atrium/src/startServer.ts"))});
    const server = await startServer({ schemaPath: ${JSON.stringify(schemaPath)}, databaseUrl: ${JSON.stringify(databaseUrl)},
      port: 0, host: "127.0.0.1", fields: { "Staff.passwordHash": "writeOnly" } });
    // A clean exit on SIGTERM, so that --cpu-prof writes its profile.
    process.on("SIGTERM", () => server.close().then(() => process.exit(0)));
    console.log("LISTENING " + server.url);`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // e.g. ATRIUM_LOAD_NODE_ARGS="--cpu-prof --cpu-prof-dir=.data/profiles" to profile the server under load.
      ...(process.env.ATRIUM_LOAD_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
      "--conditions=@atrium/source",
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      script,
    ],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } },
  );
  const errors: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => errors.push(...chunk.toString().split("\n").filter(Boolean)));
  const url = await new Promise<string>((started, failed) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /LISTENING (\S+)/.exec(output);
      if (listening?.[1]) started(listening[1]);
    });
    child.once("exit", (code) => failed(new Error(`the server exited (${code}): ${errors.join("\n")}`)));
  });
  return {
    url,
    errors,
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
