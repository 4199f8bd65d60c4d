/**
 * Two Atrium servers over one PostgreSQL database, as behind a load balancer: nothing another server needs
 * lives in a process. A session made on one works on the other and a sign-out on one ends it on both;
 * failed sign-ins count across both; an edit made through one is a conflict for a stale edit through the other.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pushSchema } from "@atrium/prisma";
import { createTestDatabase, databaseIsReachable, type TestDatabaseLocation } from "@atrium/prisma/testing";
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
const account = { email: "pair@example.com", password: "a-long-pair-password" };

const reachable = await databaseIsReachable("postgresql");

describe.skipIf(!reachable)("two servers over one PostgreSQL database", () => {
  let folder = "";
  let database: TestDatabaseLocation;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "atrium-pair-"));
    const schemaPath = join(folder, "schema.prisma");
    await writeFile(schemaPath, schemaText);
    database = await createTestDatabase("postgresql", { prefix: "atrium_pair" });
    await pushSchema({ schemaText, url: database.url });
    const users = await openUserDatabase(schemaPath, database.url);
    await createUser(users.store, { ...account, isSuperuser: true });
    await createUser(users.store, {
      email: "target@example.com",
      password: "another-long-password",
      isSuperuser: false,
    });
    await users.close();
    vi.spyOn(console, "log").mockImplementation(() => {});
    for (let index = 0; index < 2; index += 1) {
      servers.push(await startServer({ schemaPath, databaseUrl: database.url, port: 0, host: "127.0.0.1" }));
    }
  }, 120_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    for (const server of servers) await server.close();
    await database?.drop();
    await rm(folder, { recursive: true, force: true });
  });

  const send = (
    index: number,
    path: string,
    init: { method?: string; cookie?: string; body?: unknown } = {},
  ) => {
    const url = servers[index]?.url ?? "";
    return fetch(`${url}${path}`, {
      method: init.method ?? "GET",
      headers: {
        origin: url,
        cookie: init.cookie ?? "",
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  };
  const signIn = async (index: number, credentials: { email: string; password: string }) => {
    const login = await send(index, "/api/auth/login", { method: "POST", body: credentials });
    return { status: login.status, cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
  };

  it("a session made on one server works on the other, and signing out on one ends it on both", async () => {
    const { status, cookie } = await signIn(0, account);
    expect(status).toBe(200);
    expect((await send(1, "/api/auth/me", { cookie })).status).toBe(200);
    expect((await send(1, "/api/auth/logout", { method: "POST", cookie })).status).toBeLessThan(300);
    expect((await send(0, "/api/auth/me", { cookie })).status).toBe(401);
  });

  it("counts failed sign-ins across both servers", async () => {
    const wrong = { email: "target@example.com", password: "not-the-password" };
    // Five failures per account within the window (loginThrottle's default), spread over both servers.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) statuses.push((await signIn(attempt % 2, wrong)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // The right password is refused too while the account is throttled, on either server.
    expect((await signIn(0, { ...wrong, password: "another-long-password" })).status).toBe(429);
  });

  it("an edit through one server makes a stale edit through the other a conflict", async () => {
    const { cookie } = await signIn(0, account);
    const created = await send(0, "/api/records/note", { method: "POST", cookie, body: { title: "draft" } });
    const note = (await created.json()) as { data: { $id: string; $version: string } };
    const path = `/api/records/note/${note.data.$id}`;
    const first = await send(0, path, {
      method: "PATCH",
      cookie,
      body: { title: "one", $version: note.data.$version },
    });
    expect(first.status).toBe(200);
    const stale = await send(1, path, {
      method: "PATCH",
      cookie,
      body: { title: "two", $version: note.data.$version },
    });
    expect(stale.status).toBe(409);
    const stored = (await (await send(1, path, { cookie })).json()) as { data: { title: string } };
    expect(stored.data.title).toBe("one");
  });
});
