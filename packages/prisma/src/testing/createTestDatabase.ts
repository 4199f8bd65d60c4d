import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { DatabaseProvider } from "@atrium/core";
import { adminQuery, adminUrls } from "./adminQuery.js";

export interface TestDatabaseLocation {
  /** What Prisma's adapters and pushSchema connect to. */
  url: string;
  /** The database's name on the server (for information_schema queries); the file's name on SQLite. */
  name: string;
  /** Removes the database, even while connections to it are open; the SQLite file goes with its folder. */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Starts the database's name, so that a leftover says which suite made it. */
  prefix: string;
  /** Where SQLite's file goes (the caller removes the folder); not used by the servers. */
  folder?: string;
}

/**
 * An empty database of the test's own: `test.db` in `folder` for SQLite, else a new database on the local
 * server (see adminQuery), named `{prefix}_{random}` so that parallel suites never share one.
 */
export async function createTestDatabase(
  provider: DatabaseProvider,
  { prefix, folder }: CreateTestDatabaseOptions,
): Promise<TestDatabaseLocation> {
  if (provider === "sqlite") {
    if (!folder) throw new Error("createTestDatabase('sqlite') needs a folder for the file: pass { folder }");
    return { url: `file:${join(folder, "test.db")}`, name: "test.db", drop: async () => {} };
  }
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const url = adminUrls[provider].replace(/\/[^/]*$/, `/${name}`);
  if (provider === "postgresql") {
    await adminQuery(provider, `CREATE DATABASE ${name}`);
    return {
      url,
      name,
      drop: async () => {
        await adminQuery(provider, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  // Explicit rather than the server's default, so that text round-trips alike on any server (emoji need utf8mb4).
  await adminQuery(provider, `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return {
    url,
    name,
    drop: async () => {
      await adminQuery(provider, `DROP DATABASE IF EXISTS ${name}`);
    },
  };
}
