/**
 * Two processes writing one SQLite file at once (a second server, or `atrium seed` while the admin serves):
 * this process's server and a server in a child process take 40 concurrent creates between them. Each answers
 * 201, or 503 "busy" if it waited past the busy timeout; never a 500, and every 201 is a stored row.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pushSchema } from "@atrium/prisma";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser, openUserDatabase } from "../src/commands/createUser.js";
import { type RunningServer, startServer } from "../src/startServer.js";
import { demoSchemaPath } from "./schemaPaths.js";

const repoRoot = resolve(import.meta.dirname, "../../..");
const account = { email: "writer@example.com", password: "a-long-writer-password" };
let folder = "";
let url = "";
let here: RunningServer | undefined;
let child: ChildProcess | undefined;
let childUrl = "";

/** The other server, in a process of its own, started from the sources as `npm run atrium` would. */
async function startChildServer(): Promise<string> {
  const script = `
    const { startServer } = await import(${JSON.stringify(join(repoRoot, "packages/atrium/src/startServer.ts"))});
    const server = await startServer({ schemaPath: ${JSON.stringify(demoSchemaPath)}, databaseUrl: ${JSON.stringify(url)}, port: 0, host: "127.0.0.1" });
    console.log("LISTENING " + server.url);`;
  child = spawn(
    process.execPath,
    ["--conditions=@atrium/source", "--import", "tsx", "--input-type=module", "-e", script],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  return new Promise((started, failed) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /LISTENING (\S+)/.exec(output);
      if (listening?.[1]) started(listening[1]);
    };
    child?.stdout?.on("data", onData);
    child?.stderr?.on("data", onData);
    child?.once("exit", (code) => failed(new Error(`the second server exited (${code}):\n${output}`)));
  });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "atrium-two-writers-"));
  url = `file:${join(folder, "app.db")}`;
  await pushSchema({ schemaText: await readFile(demoSchemaPath, "utf8"), url });
  const users = await openUserDatabase(demoSchemaPath, url);
  await createUser(users.store, { ...account, isSuperuser: true });
  await users.close();
  vi.spyOn(console, "log").mockImplementation(() => {});
  const fields = { "Staff.passwordHash": "writeOnly" as const };
  here = await startServer({
    schemaPath: demoSchemaPath,
    databaseUrl: url,
    port: 0,
    host: "127.0.0.1",
    fields,
  });
  childUrl = await startChildServer();
}, 120_000);

afterAll(async () => {
  vi.restoreAllMocks();
  child?.kill("SIGTERM");
  await here?.close();
  await rm(folder, { recursive: true, force: true });
});

async function signIn(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(account),
  });
  expect(login.status).toBe(200);
  return (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

describe("two processes writing one SQLite file", () => {
  it("answers every concurrent create with 201 or 503, never 500, and stores each 201", async () => {
    const bases = [here?.url ?? "", childUrl];
    const cookies = await Promise.all(bases.map(signIn));
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const base = bases[index % 2] ?? "";
        const response = await fetch(`${base}/api/records/customer`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: base, cookie: cookies[index % 2] ?? "" },
          body: JSON.stringify({
            email: `w${index}@example.com`,
            firstName: "Writer",
            lastName: String(index),
          }),
        });
        return response.status;
      }),
    );
    expect(
      statuses.filter((status) => status !== 201 && status !== 503),
      String(statuses),
    ).toEqual([]);
    const file = new Database(join(folder, "app.db"), { readonly: true });
    const stored = file.prepare("SELECT COUNT(*) AS n FROM Customer").get() as { n: number };
    file.close();
    expect(stored.n).toBe(statuses.filter((status) => status === 201).length);
    // On a quiet machine the busy timeout is never reached: most, normally all, are saved.
    expect(stored.n).toBeGreaterThan(20);
  }, 60_000);
});
