import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { pushedClient } from "../../test/pushedClient.js";
import { schemaPath } from "../../test/schemaPaths.js";
import { adminQuery } from "../testing/adminQuery.js";
import { createTestDatabase, type TestDatabaseLocation } from "../testing/createTestDatabase.js";
import { pushSchema } from "./pushSchema.js";

// nativeTypes.mysql.prisma pushed into MySQL/MariaDB: the columns and indexes Prisma's mapping gives, and Prisma
// Client reading back what it wrote through every one of them.
describe("pushSchema to MySQL/MariaDB: native types and the shapes real schemas use", () => {
  let database: TestDatabaseLocation;
  const schemaText = readFile(schemaPath("nativeTypes.mysql"), "utf8");
  const admin = <T>(sql: string): Promise<T[]> => adminQuery<T>("mysql", sql, { values: [database.name] });

  afterAll(async () => {
    await database?.drop();
  });

  it("creates every @db type, database default, index and key, and passes on Prisma's SetDefault warning", async () => {
    database = await createTestDatabase("mysql", { prefix: "atrium_push" });
    const text = await schemaText;
    const result = await pushSchema({ schemaText: text, url: database.url });
    const line = text.split("\n").findIndex((item) => item.includes("onDelete: SetDefault")) + 1;
    expect(result.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^MySQL does not actually support the \`SetDefault\` .*\\(schema\\.prisma:${line}\\)$`),
      ),
    ]);

    const columns = await admin<{ COLUMN_NAME: string; COLUMN_TYPE: string; COLUMN_DEFAULT: string | null }>(
      "SELECT COLUMN_NAME, COLUMN_TYPE, COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'accounts'",
    );
    // MariaDB and MySQL 5 show integer display widths (int(11)); MySQL 8 does not.
    const type = (name: string) =>
      columns.find((column) => column.COLUMN_NAME === name)?.COLUMN_TYPE.replace(/^(\w*int)\(\d+\)/, "$1");
    const types = Object.fromEntries(columns.map((column) => [column.COLUMN_NAME, type(column.COLUMN_NAME)]));
    expect(types).toMatchObject({
      id: "bigint unsigned",
      uid: "char(36)",
      handle: "varchar(32)",
      bio: "text",
      about: "mediumtext",
      avatar: "mediumblob",
      fingerprint: "binary(3)",
      salt: "varbinary(16)",
      age: "tinyint unsigned",
      rank: "mediumint",
      score: "float",
      balance: "decimal(12,2)",
      ratio: "double",
      active: "tinyint",
      flags: "bit(1)",
      visibility: "enum('public','private')",
      born: "date",
      wakesAt: "time",
      joinedAt: "timestamp(6)",
      seenAt: "datetime",
      updatedAt: "datetime(3)",
      location: "point",
    });
    const defaults = Object.fromEntries(columns.map((column) => [column.COLUMN_NAME, column.COLUMN_DEFAULT]));
    expect(defaults).toMatchObject({ uid: expect.stringMatching(/uuid\(\)/), visibility: "'public'" });
    expect(defaults.joinedAt).toMatch(/current_timestamp\(6\)/i);

    const parts = await admin<{
      INDEX_NAME: string;
      COLUMN_NAME: string;
      SUB_PART: number | null;
      INDEX_TYPE: string;
      COLLATION: string | null;
    }>(
      "SELECT INDEX_NAME, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'posts' ORDER BY SEQ_IN_INDEX",
    );
    const shown = parts.map((part) => {
      const length = part.SUB_PART ? `(${part.SUB_PART})` : "";
      const order = part.COLLATION === "D" ? " DESC" : "";
      return `${part.INDEX_NAME}: ${part.COLUMN_NAME}${length}${order} ${part.INDEX_TYPE}`;
    });
    // Sorted by index name only: a stable sort keeps each index's columns in their order.
    expect(shown.sort((a, b) => a.split(":")[0]?.localeCompare(b.split(":")[0] ?? "") ?? 0)).toEqual([
      "posts_author_id_fkey: author_id BTREE",
      "posts_body_summary_idx: body FULLTEXT",
      "posts_body_summary_idx: summary FULLTEXT",
      "posts_editor_id_fkey: editor_id BTREE",
      "posts_postedAt_post_slug_idx: postedAt DESC BTREE",
      "posts_postedAt_post_slug_idx: post_slug(20) BTREE",
      "posts_summary_key: summary(100) BTREE",
      "PRIMARY: id BTREE",
    ]);
    const keys = await admin<{ CONSTRAINT_NAME: string; DELETE_RULE: string; UPDATE_RULE: string }>(
      "SELECT CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1",
    );
    expect(keys.map((key) => key.CONSTRAINT_NAME).sort()).toEqual([
      "_follows_A_fkey",
      "_follows_B_fkey",
      "posts_author_id_fkey",
      "posts_editor_id_fkey",
    ]);
    expect(keys.find((key) => key.CONSTRAINT_NAME === "posts_author_id_fkey")).toMatchObject({
      DELETE_RULE: "NO ACTION",
      UPDATE_RULE: "NO ACTION",
    });
  });

  it("lets Prisma Client write and read back every type, default and relation", async () => {
    const client = await pushedClient(await schemaText, database.url);
    try {
      const ada = await client.account.create({
        data: {
          handle: "ada",
          avatar: Buffer.from([1, 2, 250]),
          age: 200,
          balance: "1234.56",
          born: new Date("1815-12-10T00:00:00Z"),
          wakesAt: new Date("1970-01-01T07:30:00Z"),
        },
      });
      expect(ada).toMatchObject({
        id: 1n,
        // Made by the database (dbgenerated), read back by Prisma.
        uid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-/),
        about: "",
        // No database default for Json and Bytes (as with Prisma): Prisma Client sends them.
        settings: { theme: "light" },
        fingerprint: new Uint8Array([0, 0, 0]),
        avatar: new Uint8Array([1, 2, 250]),
        age: 200,
        active: true,
        flags: false,
        visibility: "PUBLIC",
        born: new Date("1815-12-10T00:00:00Z"),
        wakesAt: new Date("1970-01-01T07:30:00Z"),
      });
      expect(String(ada.balance)).toBe("1234.56");
      const bob = await client.account.create({
        data: { handle: "bob", follows: { connect: [{ id: ada.id }] } },
      });
      await client.post.create({
        data: {
          slug: "notes",
          body: "On the analytical engine",
          summary: "Notes",
          author: { connect: { id: ada.id } },
          editor: { connect: { id: bob.id } },
        },
      });
      const accounts = await client.account.findMany({
        orderBy: { id: "asc" },
        include: { followedBy: true, posts: true, edits: true },
      });
      expect(
        accounts.map(
          (account: {
            handle: string;
            followedBy: { handle: string }[];
            posts: unknown[];
            edits: unknown[];
          }) => ({
            handle: account.handle,
            followedBy: account.followedBy.map((other) => other.handle),
            posts: account.posts.length,
            edits: account.edits.length,
          }),
        ),
      ).toEqual([
        { handle: "ada", followedBy: ["bob"], posts: 1, edits: 0 },
        { handle: "bob", followedBy: [], posts: 0, edits: 1 },
      ]);
    } finally {
      await client.$disconnect();
    }
  });
});
