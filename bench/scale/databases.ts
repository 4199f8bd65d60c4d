/**
 * The two databases the scale bench grows: a SQLite file in a scratch folder, and a PostgreSQL database of its
 * own beside the server's `postgres` database. Each gets the demo's schema pushed, Atrium's client (plain, for
 * timing; logging, for counting statements) and the raw driver.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdapter, createClientForSchema, loadClientClass, pushSchema } from "@atrium/prisma";
import pg from "pg";
import { openPostgresDriver, openSqliteDriver, type RawDriver } from "./rawDriver.js";

export type ScaleDatabaseKind = "sqlite" | "postgresql";

export interface ScaleDatabase {
  kind: ScaleDatabaseKind;
  schemaPath: string;
  // biome-ignore lint/suspicious/noExplicitAny: the demo's generated client, used untyped like the other benches.
  client: any;
  /** A second client over the same database that counts the statements it runs. */
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  countingClient: any;
  statements: { count: number };
  driver: RawDriver;
  drop(): Promise<void>;
}

const demoSchema = new URL("../../prisma/schema.prisma", import.meta.url).pathname;
const postgresAdminUrl =
  process.env.ATRIUM_SCALE_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const postgresDatabase = "atrium_scale";

export async function openScaleDatabase(kind: ScaleDatabaseKind): Promise<ScaleDatabase> {
  const folder = await mkdtemp(join(tmpdir(), "atrium-scale-"));
  const schemaText = (await readFile(demoSchema, "utf8")).replace(
    /provider\s*=\s*"sqlite"/,
    `provider = "${kind}"`,
  );
  const schemaPath = join(folder, "schema.prisma");
  await writeFile(schemaPath, schemaText);
  const url =
    kind === "sqlite"
      ? `file:${join(folder, "scale.db")}`
      : postgresAdminUrl.replace(/\/[^/]*$/, `/${postgresDatabase}`);
  if (kind === "postgresql") await recreatePostgresDatabase();
  await pushSchema({ schemaText, url });
  const client = await createClientForSchema(schemaPath, url);
  const statements = { count: 0 };
  const PrismaClient = (await loadClientClass(schemaPath)) as unknown as new (
    options: object,
  ) => {
    $on(event: "query", listener: () => void): void;
    $connect(): Promise<void>;
    $disconnect(): Promise<void>;
  };
  const countingClient = new PrismaClient({
    adapter: await createAdapter(url),
    log: [{ emit: "event", level: "query" }],
  });
  countingClient.$on("query", () => {
    statements.count += 1;
  });
  await countingClient.$connect();
  const driver = kind === "sqlite" ? openSqliteDriver(url.slice("file:".length)) : openPostgresDriver(url);
  return {
    kind,
    schemaPath,
    client,
    countingClient,
    statements,
    driver,
    async drop() {
      await driver.close();
      await client.$disconnect();
      await countingClient.$disconnect();
      if (kind === "postgresql") await dropPostgresDatabase();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function withAdmin(work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

async function recreatePostgresDatabase(): Promise<void> {
  await dropPostgresDatabase();
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${postgresDatabase}`));
}

async function dropPostgresDatabase(): Promise<void> {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${postgresDatabase} WITH (FORCE)`));
}
