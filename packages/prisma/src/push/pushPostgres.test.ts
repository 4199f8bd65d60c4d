import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushedClient } from "../../test/pushedClient.js";
import { schemaPath, type TestSchemaFile } from "../../test/schemaPaths.js";
import { adminQuery, adminUrls } from "../testing/adminQuery.js";
import { createTestDatabase, type TestDatabaseLocation } from "../testing/createTestDatabase.js";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { withProvider } from "../testing/withProvider.js";
import { pushSchema } from "./pushSchema.js";

const read = (name: TestSchemaFile) => readFile(schemaPath(name), "utf8");

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
      warnings: [],
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
    await expect(pushSchema({ schemaText, url })).rejects.toMatchObject({
      name: "PushError",
      message: 'The database is not empty: relation "Flight" already exists',
      hint: expect.stringMatching(/^Push only creates a schema in an empty database.*Nothing was changed\.$/),
    });
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((table) => table.table_name)).toEqual(["Flight"]);
  });

  const tablesOf = async (url: string) =>
    (
      await query<{ name: string }>(
        url,
        "SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
      )
    ).map((row) => row.name);

  it("creates the extensions the schema declares, and its tables in every schema it names", async () => {
    const url = await freshDatabase();
    await expect(pushSchema({ schemaText: await read("extensions.postgres"), url })).resolves.toEqual({
      provider: "postgresql",
      warnings: [],
    });
    const extensions = await query<{ extname: string }>(url, "SELECT extname FROM pg_extension ORDER BY 1");
    expect(extensions.map((row) => row.extname)).toEqual(["citext", "pg_trgm", "plpgsql", "uuid-ossp"]);
    expect(await tablesOf(url)).toEqual([
      "library.Note",
      "public.Label",
      "public.Member",
      // An implicit many-to-many table lives in the schema of its model A (Label sorts before Note).
      "public._LabelToNote",
    ]);
    const [trigram] = await query<{ indexdef: string }>(
      url,
      "SELECT indexdef FROM pg_indexes WHERE indexname = 'Member_name_idx'",
    );
    expect(trigram?.indexdef).toMatch(/USING gin \(name gin_trgm_ops\)/);
  });

  it("lets Prisma Client use the extensions' types and defaults across both schemas", async () => {
    const url = await freshDatabase();
    const schemaText = await read("extensions.postgres");
    await pushSchema({ schemaText, url });
    const client = await pushedClient(schemaText, url);
    try {
      const ada = await client.member.create({ data: { email: "Ada@Example.org", name: "Ada Lovelace" } });
      // uuid_generate_v4() from uuid-ossp made the id; citext compares emails without case.
      expect(ada.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
      expect(await client.member.findUnique({ where: { email: "ada@example.ORG" } })).toMatchObject({
        id: ada.id,
      });
      await client.note.create({
        data: {
          body: "Notes on the analytical engine",
          author: { connect: { email: "ADA@example.org" } },
          labels: { connectOrCreate: [{ where: { name: "Maths" }, create: { name: "Maths" } }] },
        },
      });
      await expect(client.label.create({ data: { name: "maths" } })).rejects.toThrow(/Unique constraint/);
      const notes = await client.note.findMany({ include: { author: true, labels: true } });
      expect(notes).toEqual([
        expect.objectContaining({
          body: "Notes on the analytical engine",
          author: expect.objectContaining({ name: "Ada Lovelace" }),
          labels: [expect.objectContaining({ name: "Maths" })],
        }),
      ]);
    } finally {
      await client.$disconnect();
    }
  });

  it("creates the schema an extension is declared into, as Supabase schemas declare them", async () => {
    const url = await freshDatabase();
    const schemaText = `generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["postgresqlExtensions"]
}

datasource db {
  provider   = "postgresql"
  extensions = [pgcrypto(schema: "extensions")]
}

model Token {
  id    Int    @id @default(autoincrement())
  value String @default(dbgenerated("encode(extensions.gen_random_bytes(8), 'hex')"))
}
`;
    await pushSchema({ schemaText, url });
    const [extension] = await query<{ schema: string }>(
      url,
      "SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'pgcrypto'",
    );
    expect(extension?.schema).toBe("extensions");
    const [token] = await query<{ value: string }>(url, 'INSERT INTO "Token" DEFAULT VALUES RETURNING value');
    expect(token?.value).toMatch(/^[0-9a-f]{16}$/);
  });

  it("names a declared extension the server does not have, where to get it, and changes nothing", async (context) => {
    const [server] = await adminQuery<{ major: number; hasVector: boolean }>(
      "postgresql",
      "SELECT current_setting('server_version_num')::int / 10000 AS major, " +
        "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS \"hasVector\"",
    );
    if (server?.hasVector) context.skip("this PostgreSQL server has pgvector");
    const url = await freshDatabase();
    const host = new URL(adminUrls.postgresql);
    await expect(pushSchema({ schemaText: await read("vector.postgres"), url })).rejects.toMatchObject({
      name: "PushError",
      message: `The schema declares the PostgreSQL extension vector, which the server at ${host.hostname}:${host.port || 5432} (PostgreSQL ${server?.major}) does not have`,
      hint:
        `Install vector on the database server: the package postgresql-${server?.major}-pgvector on Debian and Ubuntu, ` +
        "or see https://github.com/pgvector/pgvector; then push again. Or remove vector from extensions = [...] in the datasource block. Nothing was changed.",
    });
    expect(await tablesOf(url)).toEqual([]);
  });

  it("names the extension a type or an operator class comes from when the schema does not declare it", async () => {
    const schema = (datasource: string, models: string) => `generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["postgresqlExtensions"]
}

datasource db {
  provider = "postgresql"
${datasource}}

${models}`;
    const contact = `model Contact {
  id    Int    @id
  email String @db.Citext
  name  String

  @@index([name(ops: raw("gin_trgm_ops"))], type: Gin)
}
`;
    const url = await freshDatabase();
    await expect(pushSchema({ schemaText: schema("", contact), url })).rejects.toMatchObject({
      name: "PushError",
      message:
        'PostgreSQL has no type "citext" (needed by table "Contact"): it comes from the extension citext, which the schema does not declare',
      hint: 'Declare it in the schema: previewFeatures = ["postgresqlExtensions"] in the generator block and extensions = [citext] in the datasource block, then push again. Nothing was changed.',
    });
    await expect(
      pushSchema({ schemaText: schema("  extensions = [citext]\n", contact), url }),
    ).rejects.toMatchObject({
      message:
        'PostgreSQL has no operator class "gin_trgm_ops" for GIN indexes (needed by index "Contact_name_idx"): it comes from the extension pg_trgm, which the schema does not declare',
      hint: "Declare it in the schema: extensions = [citext, pg_trgm] in the datasource block, then push again. Nothing was changed.",
    });
    expect(await tablesOf(url)).toEqual([]);
  });

  it("says why it cannot connect: no server there, or no such database", async () => {
    const host = new URL(adminUrls.postgresql);
    const schemaText = withProvider(await read("keys"), "postgresql");
    await expect(
      pushSchema({ schemaText, url: "postgresql://postgres@127.0.0.1:1/shop" }),
    ).rejects.toMatchObject({
      name: "PushError",
      message: "Cannot connect to PostgreSQL at 127.0.0.1:1: connection refused",
      hint: "Start the PostgreSQL server, or correct the host and port in --url.",
    });
    const missing = adminUrls.postgresql.replace(/\/[^/]*$/, "/atrium_missing_db");
    await expect(pushSchema({ schemaText, url: missing })).rejects.toMatchObject({
      message: `The PostgreSQL database "atrium_missing_db" does not exist on ${host.hostname}:${host.port || 5432}`,
      hint: expect.stringMatching(/^Create it first \(createdb atrium_missing_db/),
    });
  });
});
