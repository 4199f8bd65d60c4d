/**
 * SQLite on a bad day, caused for real on the app's own connection: the file turns read-only
 * (`PRAGMA query_only`, as a file mounted read-only behaves) and the disk fills up (`PRAGMA max_page_count`
 * caps the file where it is: SQLite answers "database or disk is full" exactly as on a full disk). A write then
 * answers 503 with a sentence saying which, nothing of it is stored (neither the record nor its audit entry),
 * and the next write after the fault is fixed succeeds. Also: the settings Atrium chooses for SQLite are the
 * ones in force.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  applySqliteSettings,
  createClientForSchema,
  readSqliteSetting,
  sqliteSettings,
} from "@atrium/prisma";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startServer } from "../src/startServer.js";
import { expectApiError, expectStatus } from "./apiResponse.js";
import { openTestApi, type TestApi } from "./openTestApi.js";
import { demoSchemaPath } from "./schemaPaths.js";

let api: TestApi;
beforeAll(async () => {
  api = await openTestApi(demoSchemaPath, { provider: "sqlite" });
}, 120_000);
afterAll(() => api?.close());

const stored = async () => {
  const [customers] = (await api.client.$queryRawUnsafe("SELECT COUNT(*) AS n FROM Customer")) as {
    n: bigint;
  }[];
  const [audit] = (await api.client.$queryRawUnsafe("SELECT COUNT(*) AS n FROM atrium_audit_entry")) as {
    n: bigint;
  }[];
  return { customers: Number(customers?.n), audit: Number(audit?.n) };
};
let serial = 0;
const customer = (lastName = "Reader") => {
  serial += 1;
  return { email: `c${serial}@example.com`, firstName: "Ada", lastName };
};

describe("SQLite faults under a write", () => {
  it("a read-only database: 503 saying so, nothing stored, and writes resume once it is writable", async () => {
    const before = await stored();
    await api.client.$executeRawUnsafe("PRAGMA query_only = ON");
    try {
      const refused = await api.post("/api/records/customer", customer());
      const error = expectApiError(refused, 503, "database_unavailable");
      // The test signs in as a superuser, who also gets the database's own words after the sentence.
      expect(
        error.message.startsWith(
          "The database is read-only; nothing was saved. An administrator must make it writable",
        ),
      ).toBe(true);
    } finally {
      await api.client.$executeRawUnsafe("PRAGMA query_only = OFF");
    }
    expect(await stored()).toEqual(before);
    expectStatus(await api.post("/api/records/customer", customer()), 201);
  });

  it("a full disk: 503 saying so, nothing stored, and writes resume once there is room", async () => {
    const before = await stored();
    const [pages] = (await api.client.$queryRawUnsafe("PRAGMA page_count")) as { page_count: bigint }[];
    await api.client.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages?.page_count)}`);
    try {
      // A row larger than the free room left in the file's pages.
      const refused = await api.post("/api/records/customer", customer("x".repeat(200_000)));
      const error = expectApiError(refused, 503, "database_unavailable");
      // The test signs in as a superuser, who also gets the database's own words after the sentence.
      expect(
        error.message.startsWith(
          "The database's disk is full; nothing was saved. An administrator must free space",
        ),
      ).toBe(true);
    } finally {
      await api.client.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
    }
    expect(await stored()).toEqual(before);
    expectStatus(await api.post("/api/records/customer", customer("x".repeat(200_000))), 201);
  });
});

describe("the SQLite settings Atrium runs with", () => {
  it("are WAL, full sync, a 5 s busy timeout and foreign keys on, on the server's connection and in the file", async () => {
    const folder = await mkdtemp(join(tmpdir(), "atrium-sqlite-settings-"));
    const url = `file:${join(folder, "app.db")}`;
    vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const server = await startServer({
        schemaPath: demoSchemaPath,
        databaseUrl: url,
        port: 0,
        host: "127.0.0.1",
      });
      await server.close();
      // WAL is a property of the file: any later connection, another process's too, finds it.
      const file = new Database(join(folder, "app.db"));
      expect(file.pragma("journal_mode", { simple: true })).toBe("wal");
      file.close();
      const client = await createClientForSchema(demoSchemaPath, url);
      try {
        await applySqliteSettings(client as never);
        for (const [name, value] of Object.entries(sqliteSettings)) {
          expect(await readSqliteSetting(client as never, name as keyof typeof sqliteSettings), name).toBe(
            value,
          );
        }
      } finally {
        await client.$disconnect();
      }
    } finally {
      vi.restoreAllMocks();
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
