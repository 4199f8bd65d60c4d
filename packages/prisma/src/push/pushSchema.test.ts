import { readlinkSync } from "node:fs";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { schemaPath, type TestSchemaFile } from "../../test/schemaPaths.js";
import { withProvider } from "../testing/withProvider.js";
import { PushError } from "./pushError.js";
import { pushSchema } from "./pushSchema.js";

const read = (name: TestSchemaFile) => readFile(schemaPath(name), "utf8");

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
      warnings: [],
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
});

describe("pushSchema's refusals", () => {
  it("asks for a URL of the schema's database, with an example", async () => {
    await expect(pushSchema({ schemaText: await read("keys"), url: "/tmp/x.db" })).rejects.toMatchObject({
      name: "PushError",
      code: "bad_request",
      message: '--url "/tmp/x.db" is not a database URL: the schema\'s datasource is SQLite',
      hint: "Use a URL like file:./dev.db.",
    });
    const mysqlSchema = withProvider(await read("keys"), "mysql");
    await expect(
      pushSchema({ schemaText: mysqlSchema, url: "postgresql://me:secret@db.example:5432/shop" }),
    ).rejects.toMatchObject({
      message:
        '--url "postgresql://me:***@db.example:5432/shop" is a PostgreSQL URL, but the schema\'s datasource provider is "mysql"',
      hint: "Use a URL like mysql://user:password@localhost:3306/database, or change the provider in the schema's datasource block.",
    });
    await expect(
      pushSchema({ schemaText: mysqlSchema, url: "mysql://root@localhost:3306" }),
    ).rejects.toMatchObject({
      message: '--url "mysql://root@localhost:3306" is not a valid MySQL URL: the URL names no database',
    });
  });

  it("lists every error of a schema Prisma refuses, with its file and line", async () => {
    const schemaText = `datasource db {
  provider = "sqlite"
}

model Post {
  id     Int    @id
  author User
  title  Strin
}
`;
    const error = await pushSchema({ schemaText, url: "file:/tmp/never.db", fileName: "blog.prisma" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PushError);
    expect(error).toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/^blog\.prisma is not a valid Prisma schema: blog\.prisma:7: .*User/),
      hint: expect.stringMatching(
        /^Fix these 2 errors, then push again:\n {2}- blog\.prisma:7: .*\n {2}- blog\.prisma:8: .*Strin/,
      ),
    });
  });
});
