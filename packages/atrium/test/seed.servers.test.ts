/**
 * The seed plan on PostgreSQL and MariaDB, where a row count and the ids the database hands out are the
 * server's: the plan is written once, a second run adds nothing, and the same plan on two fresh databases of
 * the same kind writes the same rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseProvider } from "@atrium/core";
import { pushSchema } from "@atrium/prisma";
import { adminQuery, createTestDatabase, databaseIsReachable, withProvider } from "@atrium/prisma/testing";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { seedProject } from "../src/commands/seedProject.js";
import { resolveConfig } from "../src/config/resolveConfig.js";

const schemaText = `
datasource db {
  provider = "sqlite"
}

enum Mood {
  CALM
  BUSY
}

model Shop {
  id       Int       @id @default(autoincrement())
  name     String    @unique @db.VarChar(40)
  products Product[]
}

model Product {
  id     Int    @id @default(autoincrement())
  name   String @db.VarChar(60)
  code   String @unique @db.VarChar(20)
  mood   Mood
  shopId Int
  shop   Shop   @relation(fields: [shopId], references: [id])
}
`;

const folder = mkdtempSync(join(tmpdir(), "atrium-seed-servers-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const plan = {
  seed: 5,
  models: {
    Shop: { count: 3, fields: { name: ({ index }: { index: number }) => `Shop ${index + 1}` } },
    Product: {
      count: 12,
      fields: {
        mood: ["CALM"],
        code: ({ row, index }: { row: Record<string, unknown>; index: number }) =>
          `P-${index}-${String(row.shopId)}`,
      },
    },
  },
};

async function seededDatabase(provider: DatabaseProvider) {
  const database = await createTestDatabase(provider, { prefix: "atrium_seed", folder });
  const text = withProvider(schemaText, provider);
  const schemaPath = join(folder, `${database.name}.prisma`);
  writeFileSync(schemaPath, text);
  await pushSchema({ schemaText: text, url: database.url });
  const config = resolveConfig({ schema: schemaPath, databaseUrl: database.url, seed: plan }, folder);
  return { database, config };
}

/** The products as stored, in id order: MariaDB reads another database by name; PostgreSQL connects to it. */
async function productsOf(provider: DatabaseProvider, database: { url: string; name: string }) {
  const columns = "id, name, code, mood";
  if (provider === "mysql") {
    return adminQuery("mysql", `SELECT ${columns}, shopId FROM ${database.name}.Product ORDER BY id`);
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(`SELECT ${columns}, "shopId" FROM "Product" ORDER BY id`)).rows;
  } finally {
    await client.end();
  }
}

const providers = [
  ["postgresql", await databaseIsReachable("postgresql")],
  ["mysql", await databaseIsReachable("mysql")],
] as const;

describe.each(providers)("atrium seed on %s", (provider, reachable) => {
  it.skipIf(!reachable)(
    "writes the plan once, and the same rows on a second fresh database",
    async () => {
      const first = await seededDatabase(provider);
      const second = await seededDatabase(provider);
      try {
        const result = await seedProject(first.config);
        expect(result?.models.map((entry) => `${entry.model.name}:${entry.had}+${entry.added}`)).toEqual([
          "Shop:0+3",
          "Product:0+12",
        ]);
        const again = await seedProject(first.config);
        expect(again?.added).toBe(0);
        await seedProject(second.config);
        const rows = await productsOf(provider, first.database);
        expect(rows).toHaveLength(12);
        for (const row of rows as { mood: string; code: string }[]) {
          expect(row.mood).toBe("CALM");
          expect(row.code).toMatch(/^P-\d+-[123]$/);
        }
        expect(await productsOf(provider, second.database)).toEqual(rows);
      } finally {
        await first.database.drop();
        await second.database.drop();
      }
    },
    120_000,
  );
});
