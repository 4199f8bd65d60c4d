import { readlinkSync } from "node:fs";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaPath } from "../../test/schemaPaths.js";
import { adminQuery, adminUrls } from "../testing/adminQuery.js";
import { createTestDatabase, type TestDatabaseLocation } from "../testing/createTestDatabase.js";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { withProvider } from "../testing/withProvider.js";
import { pushSchema } from "./pushSchema.js";

const read = (name: Parameters<typeof schemaPath>[0]) => readFile(schemaPath(name), "utf8");

async function tempDbUrl(): Promise<{ url: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), "atrium-push-"));
  const file = join(dir, "nested", "test.db");
  return { url: `file:${file}`, file };
}

function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  const columns = (table: string) =>
    (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((row) => row.name);
  const indexes = (table: string) =>
    (db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number }[]).filter(
      (row) => row.unique === 1,
    );
  const foreignKeys = (table: string) =>
    db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as {
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }[];
  return { db, tables, columns, indexes, foreignKeys };
}

describe("pushSchema to SQLite", () => {
  it("creates keys.prisma's tables under their mapped names with keys and foreign keys", async () => {
    const { url, file } = await tempDbUrl();
    await expect(pushSchema({ schemaText: await read("keys"), url })).resolves.toEqual({
      provider: "sqlite",
    });
    const { db, tables, columns, foreignKeys } = inspect(file);
    try {
      expect(tables).toEqual(
        expect.arrayContaining([
          "countries",
          "airports",
          "Flight",
          "ProductCategory",
          "OrderLine",
          "bookings",
        ]),
      );
      expect(columns("countries")).toEqual(["iso_code", "name"]);
      const flightKeys = foreignKeys("Flight").map((key) => [key.from, key.table, key.to, key.on_delete]);
      expect(flightKeys).toEqual(
        expect.arrayContaining([
          ["originCode", "airports", "iata", "RESTRICT"],
          ["destinationCode", "airports", "iata", "RESTRICT"],
        ]),
      );
      expect(foreignKeys("bookings").filter((key) => key.table === "Flight")).toHaveLength(2);
    } finally {
      db.close();
    }
  });

  it("creates saas.prisma's unique indexes and the implicit many-to-many join table", async () => {
    const { url, file } = await tempDbUrl();
    await pushSchema({ schemaText: await read("saas"), url });
    const { db, tables, indexes, foreignKeys } = inspect(file);
    try {
      expect(tables).toContain("_LabelToTask");
      expect(indexes("Membership").map((index) => index.name)).toContain("Membership_orgId_userId_key");
      expect(indexes("OrgSetting").map((index) => index.name)).toContain("OrgSetting_orgId_key_key");
      expect(foreignKeys("Task").find((key) => key.from === "parentId")?.on_delete).toBe("SET NULL");
    } finally {
      db.close();
    }
  });

  it("creates a column for every scalar of scalars.prisma", async () => {
    const { url, file } = await tempDbUrl();
    await pushSchema({ schemaText: await read("scalars"), url });
    const { db, columns } = inspect(file);
    try {
      expect(columns("Sample")).toEqual(
        expect.arrayContaining(["big", "decimal", "data", "blob", "mood", "updatedAt"]),
      );
    } finally {
      db.close();
    }
  });

  it("can push the same schema twice and refuses changes that would lose data", async () => {
    const { url, file } = await tempDbUrl();
    const schemaText = await read("keys");
    await pushSchema({ schemaText, url });
    await pushSchema({ schemaText, url });
    const db = new Database(file);
    db.prepare("INSERT INTO countries (iso_code, name) VALUES ('FR', 'France')").run();
    db.close();
    const withoutName = schemaText.replace(/model Country \{\n(.*\n)(.*\n)/, "model Country {\n$1");
    expect(withoutName).not.toBe(schemaText);
    await expect(pushSchema({ schemaText: withoutName, url })).rejects.toMatchObject({ code: "conflict" });
    await pushSchema({ schemaText: withoutName, url, acceptDataLoss: true });
    const { db: after, columns } = inspect(file);
    expect(columns("countries")).toEqual(["iso_code"]);
    after.close();
  });

  it("stores a Json default as JSON text, pushed again without a change (Prisma leaves it unquoted)", async () => {
    const { url, file } = await tempDbUrl();
    const schemaText = await read("names");
    await pushSchema({ schemaText, url });
    await pushSchema({ schemaText, url });
    const db = new Database(file);
    try {
      db.prepare(`INSERT INTO "Model3D" ("fileName") VALUES ('teapot.obj')`).run();
      expect(db.prepare(`SELECT "settings", "layers", "extra" FROM "Model3D"`).get()).toEqual({
        settings: "{}",
        layers: "[]",
        extra: null,
      });
    } finally {
      db.close();
    }
  });

  it("closes the database file when done", async () => {
    const { url, file } = await tempDbUrl();
    await pushSchema({ schemaText: await read("keys"), url });
    const openFiles = (await readdir("/proc/self/fd")).map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return "";
      }
    });
    expect(openFiles).not.toContain(file);
  });

  it("asks for a file: url", async () => {
    await expect(pushSchema({ schemaText: await read("keys"), url: "/tmp/x.db" })).rejects.toMatchObject({
      code: "bad_request",
      fields: { url: 'expected "file:/path/to/database.db"' },
    });
  });
});

describe("pushSchema to MySQL/MariaDB", () => {
  const created: TestDatabaseLocation[] = [];
  const admin = <T>(sql: string, values: unknown[] = []): Promise<T[]> =>
    adminQuery<T>("mysql", sql, { values });
  const freshDatabase = async (): Promise<TestDatabaseLocation> => {
    const database = await createTestDatabase("mysql", { prefix: "atrium_push" });
    created.push(database);
    return database;
  };
  const asMysql = async (name: Parameters<typeof schemaPath>[0]) => withProvider(await read(name), "mysql");

  afterAll(async () => {
    for (const database of created) await database.drop();
  });

  it("creates every column with Prisma's MySQL type", async () => {
    const { url, name } = await freshDatabase();
    await expect(pushSchema({ schemaText: await asMysql("scalars"), url })).resolves.toEqual({
      provider: "mysql",
    });
    const columns = await admin<{ COLUMN_NAME: string; COLUMN_TYPE: string; COLUMN_DEFAULT: string | null }>(
      "SELECT COLUMN_NAME, COLUMN_TYPE, COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'Sample'",
      [name],
    );
    const types = Object.fromEntries(columns.map((column) => [column.COLUMN_NAME, column.COLUMN_TYPE]));
    expect(types).toMatchObject({
      id: "int(11)",
      text: "varchar(191)",
      big: "bigint(20)",
      float: "double",
      decimal: "decimal(65,30)",
      flag: "tinyint(1)",
      moment: "datetime(3)",
      blob: "longblob",
      mood: "enum('HAPPY','SAD','NEUTRAL')",
    });
    // MariaDB's JSON is LONGTEXT with a json_valid check.
    expect(types.data).toMatch(/^(json|longtext)$/);
    const defaults = Object.fromEntries(columns.map((column) => [column.COLUMN_NAME, column.COLUMN_DEFAULT]));
    expect(defaults.createdAt).toMatch(/current_timestamp\(3\)/i);
    expect(defaults.updatedAt).toBeNull();
  });

  it("creates keys, Prisma's index names, referential actions and the implicit join table", async () => {
    const { url, name } = await freshDatabase();
    await pushSchema({ schemaText: await asMysql("saas"), url });
    const indexes = await admin<{ TABLE_NAME: string; INDEX_NAME: string; NON_UNIQUE: number | bigint }>(
      "SELECT DISTINCT TABLE_NAME, INDEX_NAME, NON_UNIQUE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?",
      [name],
    );
    const names = indexes.map((index) => `${index.TABLE_NAME}.${index.INDEX_NAME}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "Membership.Membership_orgId_userId_key",
        "User.User_email_key",
        "Task.Task_parentId_fkey",
        "_LabelToTask._LabelToTask_AB_unique",
        "_LabelToTask._LabelToTask_B_index",
      ]),
    );
    const keys = await admin<{
      CONSTRAINT_NAME: string;
      DELETE_RULE: string;
      UPDATE_RULE: string;
      REFERENCED_TABLE_NAME: string;
    }>(
      "SELECT CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE, REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
      [name],
    );
    const rules = Object.fromEntries(
      keys.map((key) => [
        key.CONSTRAINT_NAME,
        `${key.REFERENCED_TABLE_NAME} ${key.DELETE_RULE}/${key.UPDATE_RULE}`,
      ]),
    );
    expect(rules).toMatchObject({
      Membership_orgId_fkey: "Organization CASCADE/CASCADE",
      Task_parentId_fkey: "Task SET NULL/CASCADE",
      // No onDelete on an optional relation: Prisma's default is SetNull.
      Task_reporterId_fkey: "User SET NULL/CASCADE",
      _LabelToTask_A_fkey: "Label CASCADE/CASCADE",
      _LabelToTask_B_fkey: "Task CASCADE/CASCADE",
    });
  });

  it("needs the database to exist, and says which step failed", async () => {
    await expect(
      pushSchema({ schemaText: await asMysql("keys"), url: "mysql://root@127.0.0.1:3306/atrium_missing_db" }),
    ).rejects.toThrow(/Unknown database/);
    const { url } = await freshDatabase();
    await pushSchema({ schemaText: await asMysql("keys"), url });
    await expect(pushSchema({ schemaText: await asMysql("keys"), url })).rejects.toThrow(
      /Creating the MySQL schema failed: Table 'countries' already exists/,
    );
  });
});

describe("pushSchema to PostgreSQL", () => {
  const created: TestDatabaseLocation[] = [];

  beforeAll(async () => {
    if (!(await databaseIsReachable("postgresql"))) {
      throw new Error(
        `PostgreSQL is not reachable at ${adminUrls.postgresql}: start it (see ENVIRONMENT.md) or set ATRIUM_TEST_POSTGRES_URL`,
      );
    }
  });

  afterAll(async () => {
    for (const database of created) await database.drop();
  });

  async function freshDatabase(): Promise<string> {
    const database = await createTestDatabase("postgresql", { prefix: "atrium_push" });
    created.push(database);
    return database.url;
  }

  async function query<T>(url: string, sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it("creates scalar lists, native types and Unsupported columns", async () => {
    const url = await freshDatabase();
    await expect(pushSchema({ schemaText: await read("scalars.postgres"), url })).resolves.toEqual({
      provider: "postgresql",
    });
    const columns = await query<{ column_name: string; udt_name: string }>(
      url,
      "SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = 'Sample'",
    );
    const types = Object.fromEntries(columns.map((column) => [column.column_name, column.udt_name]));
    expect(types).toMatchObject({
      id: "uuid",
      birthday: "date",
      tags: "_text",
      scores: "_int4",
      point: "point",
    });
  });

  it("creates keys.prisma's tables with foreign keys", async () => {
    const url = await freshDatabase();
    const schemaText = withProvider(await read("keys"), "postgresql");
    await pushSchema({ schemaText, url });
    const keys = await query<{ constraint_name: string }>(
      url,
      "SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = 'Flight' AND constraint_type = 'FOREIGN KEY'",
    );
    expect(keys.map((key) => key.constraint_name).sort()).toEqual([
      "Flight_destinationCode_fkey",
      "Flight_originCode_fkey",
    ]);
  });

  it("creates saas.prisma's enums, unique indexes and join table", async () => {
    const url = await freshDatabase();
    const schemaText = withProvider(await read("saas"), "postgresql");
    await pushSchema({ schemaText, url });
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining(["Membership", "_LabelToTask"]),
    );
    const indexes = await query<{ indexname: string }>(
      url,
      "SELECT indexname FROM pg_indexes WHERE tablename = 'Membership'",
    );
    expect(indexes.map((index) => index.indexname)).toContain("Membership_orgId_userId_key");
    const enums = await query<{ typname: string }>(url, "SELECT typname FROM pg_type WHERE typtype = 'e'");
    expect(enums.map((item) => item.typname).sort()).toEqual(["Plan", "Role", "TaskStatus"]);
  });

  it("leaves the database untouched when the script fails halfway", async () => {
    const url = await freshDatabase();
    await query(url, 'CREATE TABLE "Flight" (x int)');
    const schemaText = withProvider(await read("keys"), "postgresql");
    await expect(pushSchema({ schemaText, url })).rejects.toThrow(/Flight/);
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((table) => table.table_name)).toEqual(["Flight"]);
  });
});
