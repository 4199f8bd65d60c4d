/**
 * The project `atrium dev` runs on in devServer.spec.ts: e2e/devServer/project copied to .data/dev-project (a
 * schema, a config, a page component), its database made with `atrium push`, an account with `atrium
 * create-user`, then `atrium dev` from Atrium's sources, its output kept for the test to read.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "../..");
export const devProjectDir = join(repoRoot, ".data/dev-project");
export const devAccount = { email: "dev@notes.example", password: "dev-server-password" } as const;
const tsx = join(repoRoot, "node_modules/.bin/tsx");
const cli = ["--conditions=@atrium/source", "packages/atrium/src/cli.ts"];

/** A file of the project, read, and saved as many editors save: a new file renamed over the old one. */
export const projectFile = {
  read: (path: string) => readFileSync(join(devProjectDir, path), "utf8"),
  save(path: string, text: string) {
    const file = join(devProjectDir, path);
    writeFileSync(`${file}.saving`, text);
    renameSync(`${file}.saving`, file);
  },
};

export interface DevServer {
  url: string;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  stop(): void;
}

function atrium(args: string[], input?: string): void {
  execFileSync(tsx, [...cli, ...args], {
    cwd: repoRoot,
    input,
    stdio: [input === undefined ? "ignore" : "pipe", "inherit", "inherit"],
  });
}

export function prepareDevProject(): void {
  rmSync(devProjectDir, { recursive: true, force: true });
  cpSync(join(import.meta.dirname, "project"), devProjectDir, { recursive: true });
  const config = join(devProjectDir, "atrium.config.ts");
  atrium(["push", "--config", config]);
  atrium(
    ["create-user", "--email", devAccount.email, "--superuser", "--config", config],
    devAccount.password,
  );
}

/** Starts `atrium dev` and resolves once it listens; rejects with its output if it exits first. */
export async function startDevServer(port: number): Promise<DevServer> {
  const args = [...cli, "dev", "--config", join(devProjectDir, "atrium.config.ts"), "--port", String(port)];
  // A group of its own: tsx runs Node in a child process, and stop() ends both.
  const child: ChildProcess = spawn(tsx, [...args, "--host", "127.0.0.1"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  await new Promise<void>((listening, failed) => {
    const onData = () => {
      if (output.includes("Atrium dev server at")) {
        child.stdout?.off("data", onData);
        child.off("exit", onExit);
        listening();
      }
    };
    const onExit = (code: number | null) => failed(new Error(`atrium dev exited (${code}):\n${output}`));
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop() {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    },
  };
}
