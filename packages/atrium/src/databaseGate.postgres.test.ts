/**
 * Faults of PostgreSQL while Atrium runs, caused for real: the database is unreachable when the server starts
 * (a TCP proxy in front of PostgreSQL that is not listening yet), then comes up; later its connections are
 * killed (`pg_terminate_backend`) and cut (the proxy drops every socket). No request may answer 500, and the
 * server recovers by itself each time.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pushSchema } from "@atrium/prisma";
import {
  adminQuery,
  createTestDatabase,
  databaseIsReachable,
  type TestDatabaseLocation,
} from "@atrium/prisma/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser, openUserDatabase } from "./commands/createUser.js";
import { type RunningServer, startServer } from "./startServer.js";

const schemaText = `datasource db {
  provider = "postgresql"
}

model Note {
  id    Int    @id @default(autoincrement())
  title String
}
`;
const account = { email: "ops@example.com", password: "a-long-ops-password" };

/** A TCP proxy to PostgreSQL that can be switched on late and can drop every connection it carries. */
class FlakyProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((listening) => this.server?.listen(this.port, "127.0.0.1", listening));
  }

  cut(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async down(): Promise<void> {
    this.cut();
    await new Promise((closed) => (this.server ? this.server.close(closed) : closed(undefined)));
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((listening) => probe.listen(0, "127.0.0.1", listening));
  const address = probe.address();
  await new Promise((closed) => probe.close(closed));
  return typeof address === "object" && address ? address.port : 0;
}

const reachable = await databaseIsReachable("postgresql");

describe.skipIf(!reachable)("PostgreSQL down, restarting and cut off under a running server", () => {
  let folder = "";
  let database: TestDatabaseLocation;
  let proxy: FlakyProxy;
  let server: RunningServer | undefined;
  const warnings: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "atrium-gate-"));
    const schemaPath = join(folder, "schema.prisma");
    await writeFile(schemaPath, schemaText);
    database = await createTestDatabase("postgresql", { prefix: "atrium_gate" });
    await pushSchema({ schemaText, url: database.url });
    const users = await openUserDatabase(schemaPath, database.url);
    await createUser(users.store, { ...account, isSuperuser: true });
    await users.close();
    const target = new URL(database.url);
    proxy = new FlakyProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
    const throughProxy = new URL(database.url);
    throughProxy.port = String(proxy.port);
    vi.spyOn(console, "warn").mockImplementation((message: unknown) => warnings.push(String(message)));
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) =>
      errors.push(parts.map(String).join(" ")),
    );
    server = await startServer({ schemaPath, databaseUrl: throughProxy.href, port: 0, host: "127.0.0.1" });
  }, 120_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
    await proxy?.down();
    await database?.drop();
    await rm(folder, { recursive: true, force: true });
  });

  const get = (path: string, cookie = "") => fetch(`${server?.url}${path}`, { headers: { cookie } });

  async function signIn(): Promise<string> {
    const login = await fetch(`${server?.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server?.url ?? "" },
      body: JSON.stringify(account),
    });
    expect(login.status).toBe(200);
    return (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }

  it("starts while the database is down, answers 503 with Retry-After, and says so in the log", async () => {
    const health = await get("/healthz");
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toBe("1");
    const body = (await health.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("database_unavailable");
    expect(body.error.message).toContain("waiting for its database");
    expect((await get("/api/meta")).status).toBe(503);
    expect(warnings.join("\n")).toContain(`cannot be reached`);
  });

  it("serves as soon as the database comes up, with no restart", async () => {
    await proxy.up();
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await get("/healthz")).status;
      if (status !== 200) await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(status).toBe(200);
    const cookie = await signIn();
    const created = await fetch(`${server?.url}/api/records/note`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server?.url ?? "", cookie },
      body: JSON.stringify({ title: "first" }),
    });
    expect(created.status).toBe(201);
  }, 30_000);

  it("answers 503, never 500, while its connections are killed or cut, then recovers by itself", async () => {
    const cookie = await signIn();
    for (const fault of ["terminate", "cut"] as const) {
      if (fault === "terminate") {
        await adminQuery(
          "postgresql",
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          { values: [database.name] },
        );
      } else proxy.cut();
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        statuses.push((await get("/api/records/note", cookie)).status);
      }
      expect(
        statuses.every((status) => status === 200 || status === 503),
        `${fault}: ${statuses}\n${errors.join("\n")}`,
      ).toBe(true);
      expect(statuses.at(-1), `${fault}: ${statuses}`).toBe(200);
    }
  }, 60_000);
});

describe.skipIf(!reachable)("a database that answers but cannot be used", () => {
  it("stops the start with the database's own words when the database does not exist: waiting would not help", async () => {
    const folder = await mkdtemp(join(tmpdir(), "atrium-gate-missing-"));
    try {
      const schemaPath = join(folder, "schema.prisma");
      await writeFile(schemaPath, schemaText);
      const missing = "postgresql://postgres@127.0.0.1:5432/atrium_gate_never_created";
      await expect(
        startServer({ schemaPath, databaseUrl: missing, port: 0, host: "127.0.0.1" }),
      ).rejects.toThrow('database "atrium_gate_never_created" does not exist');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
