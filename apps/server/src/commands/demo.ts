import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClientForSchema, pushSchema } from "@atrium/prisma";
import { seedDemo } from "../../../../prisma/seed/seedDemo.js";
import type { AtriumConfig } from "../config/atriumConfig.js";
import { startServer, webDistDir } from "../startServer.js";
import { createUser, openUserDatabase } from "./createUser.js";

/**
 * The demo's field rules, as a config file's `fields` would give them: staff passwords are set in the admin's
 * forms and never shown. Customer.apiToken stays hidden (the secret-name default).
 */
export const demoFields: AtriumConfig["fields"] = { "Staff.passwordHash": "writeOnly" };

/** The demo's one account. Demo only: a real install has no default credentials (see docs/security.md). */
export const demoCredentials = { email: "admin@demo.atrium", password: "atrium-demo-password" } as const;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const demoSchemaPath = join(repoRoot, "prisma/schema.prisma");
/** The browser tests point ATRIUM_DEMO_DB at a database of their own, so they never touch the user's demo. */
export const demoDatabaseFile = process.env.ATRIUM_DEMO_DB
  ? resolve(process.env.ATRIUM_DEMO_DB)
  : join(repoRoot, ".data/demo.db");

/** `npm run demo`: seeds the demo database on first run only, builds the SPA if needed, and serves both. */
export async function runDemo(options: { port: number; host: string }): Promise<void> {
  await ensureDemoDatabase(demoDatabaseFile);
  await ensureDemoUser(demoDatabaseFile);
  ensureWebBuild();
  const server = await startServer({
    schemaPath: demoSchemaPath,
    databaseUrl: `file:${demoDatabaseFile}`,
    port: options.port,
    host: options.host,
    fields: demoFields,
  });
  console.log(`Atrium demo running at ${server.url}  (database: ${demoDatabaseFile})`);
  console.log(`Sign in as ${demoCredentials.email} with the password ${demoCredentials.password}`);
  stopOnSignal(server.close);
}

/**
 * Seeds into a scratch file and renames it into place only when seeding finished, so an interrupted first
 * run never leaves a half-seeded demo behind.
 */
export async function ensureDemoDatabase(file: string): Promise<void> {
  if (existsSync(file)) return;
  await mkdir(dirname(file), { recursive: true });
  const scratch = `${file}.seeding`;
  await rm(scratch, { force: true });
  console.log("First run: creating and seeding the demo database...");
  const started = performance.now();
  const url = `file:${scratch}`;
  await pushSchema({ schemaText: await readFile(demoSchemaPath, "utf8"), url });
  const client = await createClientForSchema(demoSchemaPath, url);
  try {
    const summary = await seedDemo(client as never);
    const rows = summary.models.reduce((sum, entry) => sum + entry.rows, 0);
    console.log(
      `Seeded ${rows.toLocaleString("en")} rows in ${summary.models.length} models in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await client.$disconnect();
  }
  await rename(scratch, file);
}

function ensureWebBuild(): void {
  if (existsSync(join(webDistDir, "index.html"))) return;
  console.log("Building the admin UI (first run only)...");
  const result = spawnSync("npm", ["run", "build", "--workspace", "@atrium/web"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("Building the admin UI failed; run `npm run build` to see why.");
}

export function stopOnSignal(close: () => Promise<void>): void {
  const stop = () => {
    close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** Creates the demo superuser when the demo database has no user yet (first run, or a database from before sign-in). */
export async function ensureDemoUser(file: string): Promise<void> {
  const database = await openUserDatabase(demoSchemaPath, `file:${file}`);
  try {
    if ((await database.store.countUsers()) > 0) return;
    await createUser(database.store, { ...demoCredentials, isSuperuser: true });
  } finally {
    await database.close();
  }
}
