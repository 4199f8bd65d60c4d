import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { pushedClient } from "../../test/pushedClient.js";
import { schemaPath, type TestSchemaFile } from "../../test/schemaPaths.js";
import { adminQuery, adminUrls } from "../testing/adminQuery.js";
import { createTestDatabase, type TestDatabaseLocation } from "../testing/createTestDatabase.js";
import { withProvider } from "../testing/withProvider.js";
import { pushSchema } from "./pushSchema.js";

const read = (name: TestSchemaFile) => readFile(schemaPath(name), "utf8");

describe("pushSchema to MySQL/MariaDB", () => {
  const created: TestDatabaseLocation[] = [];
  const admin = <T>(sql: string, values: unknown[] = []): Promise<T[]> =>
    adminQuery<T>("mysql", sql, { values });
  const freshDatabase = async (): Promise<TestDatabaseLocation> => {
    const database = await createTestDatabase("mysql", { prefix: "atrium_push" });
    created.push(database);
    return database;
  };
  const asMysql = async (name: TestSchemaFile) => withProvider(await read(name), "mysql");
  const foreignKeysOf = (database: string) =>
    admin<{ CONSTRAINT_NAME: string; TABLE_NAME: string; REFERENCED_TABLE_NAME: string }>(
      "SELECT CONSTRAINT_NAME, TABLE_NAME, REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
      [database],
    );
  const indexesOf = async (database: string) =>
    (
      await admin<{ TABLE_NAME: string; INDEX_NAME: string }>(
        "SELECT DISTINCT TABLE_NAME, INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?",
        [database],
      )
    )
      .map((index) => `${index.TABLE_NAME}.${index.INDEX_NAME}`)
      .sort();

  afterAll(async () => {
    for (const database of created) await database.drop();
  });

  it("creates every column with Prisma's MySQL type", async () => {
    const { url, name } = await freshDatabase();
    await expect(pushSchema({ schemaText: await asMysql("scalars"), url })).resolves.toEqual({
      provider: "mysql",
      warnings: [],
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

  it('creates no foreign key under relationMode = "prisma", only the indexes the schema declares', async () => {
    const { url, name } = await freshDatabase();
    const schemaText = await read("compoundRelations");
    const result = await pushSchema({ schemaText, url });
    expect(await foreignKeysOf(name)).toEqual([]);
    expect(await indexesOf(name)).toEqual(
      [
        "Aisle.Aisle_country_warehouse_code_number_key",
        "Aisle.PRIMARY",
        "Article.Article_edition_sku_key",
        "Article.Article_replacesSku_replacesEdition_idx",
        "Article.Article_title_idx",
        "Article.PRIMARY",
        "Stock.PRIMARY",
        "Stock.Stock_aisleId_idx",
        "Stock.Stock_articleSku_articleEdition_idx",
        "Tag.PRIMARY",
        "Tag.Tag_label_key",
        "_ArticleToTag._ArticleToTag_AB_unique",
        "_ArticleToTag._ArticleToTag_B_index",
        "warehouses.PRIMARY",
      ].sort(),
    );
    // Prisma's own advice about the relation the schema left without an index, pointing at its line.
    const line = schemaText.split("\n").findIndex((text) => text.includes("restockedFrom   Aisle?")) + 1;
    expect(result).toEqual({
      provider: "mysql",
      warnings: [
        expect.stringMatching(new RegExp(`relationMode = "prisma".*index.*\\(schema\\.prisma:${line}\\)$`)),
      ],
    });
  });

  it('lets Prisma Client create and list related records under relationMode = "prisma"', async () => {
    const { url } = await freshDatabase();
    const schemaText = await read("compoundRelations");
    await pushSchema({ schemaText, url });
    await exerciseCompoundRelations(schemaText, url);
  });

  it("creates the foreign key of a relation to a unique declared in another column order (errno 150 before)", async () => {
    const { url, name } = await freshDatabase();
    const schemaText = (await read("compoundRelations")).replace(/^\s*relationMode = "prisma"\n/m, "");
    await expect(pushSchema({ schemaText, url })).resolves.toEqual({ provider: "mysql", warnings: [] });
    const keys = await foreignKeysOf(name);
    expect(keys.map((key) => `${key.CONSTRAINT_NAME} -> ${key.REFERENCED_TABLE_NAME}`).sort()).toEqual([
      "Aisle_country_warehouse_code_fkey -> warehouses",
      "Article_replacesSku_replacesEdition_fkey -> Article",
      "Stock_aisleId_fkey -> Aisle",
      "Stock_articleSku_articleEdition_fkey -> Article",
      "Stock_restockedFromId_fkey -> Aisle",
      "_ArticleToTag_A_fkey -> Article",
      "_ArticleToTag_B_fkey -> Tag",
    ]);
    // The key pairs each column with its own: a stock row naming no existing article is refused.
    const sql = (statement: string) => admin(statement.replaceAll("$db", `\`${name}\``));
    await sql("INSERT INTO $db.warehouses (country, code, name) VALUES ('XX', 'X1', 'Nowhere')");
    await sql("INSERT INTO $db.Aisle (id, country, warehouse_code, number) VALUES (1, 'XX', 'X1', 1)");
    await expect(
      sql(
        "INSERT INTO $db.Stock (articleSku, articleEdition, aisleId, updatedAt) VALUES ('none', 1, 1, NOW())",
      ),
    ).rejects.toThrow(/foreign key constraint fails.*Stock_articleSku_articleEdition_fkey/);
    await sql("DELETE FROM $db.warehouses");
    await exerciseCompoundRelations(schemaText, url);
  });

  it("says which database is missing or not empty, and what to do", async () => {
    const missing = adminUrls.mysql.replace(/\/[^/]*$/, "/atrium_missing_db");
    await expect(pushSchema({ schemaText: await asMysql("keys"), url: missing })).rejects.toMatchObject({
      name: "PushError",
      message: expect.stringMatching(/^The MySQL database "atrium_missing_db" does not exist on /),
      hint: expect.stringContaining("CREATE DATABASE `atrium_missing_db` CHARACTER SET utf8mb4"),
    });
    const { url } = await freshDatabase();
    await pushSchema({ schemaText: await asMysql("keys"), url });
    await expect(pushSchema({ schemaText: await asMysql("keys"), url })).rejects.toMatchObject({
      message: "The database is not empty: Table 'countries' already exists",
      hint: expect.stringMatching(/^Push only creates a schema in an empty database/),
    });
  });

  it("names both sides of a foreign key MySQL refuses, with their column types", async () => {
    const { url } = await freshDatabase();
    const schemaText = `datasource db {
  provider = "mysql"
}

model Account {
  id       Int       @id @db.UnsignedInt
  invoices Invoice[]
}

model Invoice {
  id        Int     @id
  accountId Int
  account   Account @relation(fields: [accountId], references: [id])
}
`;
    await expect(pushSchema({ schemaText, url })).rejects.toMatchObject({
      name: "PushError",
      message: expect.stringMatching(
        /^MySQL refused the foreign key `Invoice_accountId_fkey` \(`Invoice`\.`accountId` INTEGER -> `Account`\.`id` INT UNSIGNED\): .*errno: 150/,
      ),
      hint: expect.stringMatching(
        /same column type.*@db\.UnsignedInt.*drop the database and create it again/s,
      ),
    });
  });
});

/** Creates, lists and deletes through every relation of compoundRelations.prisma with Prisma Client. */
async function exerciseCompoundRelations(schemaText: string, url: string): Promise<void> {
  const client = await pushedClient(schemaText, url);
  try {
    const warehouse = await client.warehouse.create({
      data: {
        country: "NL",
        code: "AMS-1",
        name: "Amsterdam",
        aisles: { create: [{ number: 1 }, { number: 2, kind: "LOCKED" }] },
      },
      include: { aisles: { orderBy: { number: "asc" } } },
    });
    const [first, second] = warehouse.aisles;
    const original = await client.article.create({
      data: {
        sku: "BK-001",
        edition: 1,
        title: "Field guide",
        tags: { connectOrCreate: [{ where: { label: "books" }, create: { label: "books" } }] },
      },
    });
    // The database has no default for it (as with Prisma): Prisma Client sends @default("{}") itself.
    expect(original.details).toEqual({});
    await client.article.create({
      data: {
        sku: "BK-001",
        edition: 2,
        title: "Field guide, revised",
        replaces: { connect: { edition_sku: { edition: 1, sku: "BK-001" } } },
        tags: { connect: [{ label: "books" }] },
      },
    });
    await client.stock.create({
      data: {
        quantity: 5,
        article: { connect: { edition_sku: { edition: 2, sku: "BK-001" } } },
        aisle: { connect: { id: first.id } },
        restockedFrom: { connect: { id: second.id } },
      },
    });
    const listed = await client.stock.findMany({
      include: {
        article: { include: { replaces: true, tags: true } },
        aisle: { include: { site: true } },
        restockedFrom: true,
      },
    });
    expect(listed).toEqual([
      expect.objectContaining({
        quantity: 5,
        article: expect.objectContaining({
          title: "Field guide, revised",
          replaces: expect.objectContaining({ edition: 1, sku: "BK-001" }),
          tags: [expect.objectContaining({ label: "books" })],
        }),
        aisle: expect.objectContaining({ number: 1, site: expect.objectContaining({ name: "Amsterdam" }) }),
        restockedFrom: expect.objectContaining({ number: 2, kind: "LOCKED" }),
      }),
    ]);
    // onDelete: SetNull, by the database's key or by Prisma's emulation, the same for the user.
    await client.aisle.delete({ where: { id: second.id } });
    expect((await client.stock.findFirstOrThrow()).restockedFromId).toBeNull();
    // A required relation without onDelete restricts the delete.
    await expect(client.aisle.delete({ where: { id: first.id } })).rejects.toThrow();
    await client.stock.deleteMany({});
    // onDelete: Cascade from the warehouse to its aisles.
    await client.warehouse.delete({ where: { country_code: { country: "NL", code: "AMS-1" } } });
    expect(await client.aisle.count()).toBe(0);
  } finally {
    await client.$disconnect();
  }
}
