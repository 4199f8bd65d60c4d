/**
 * `npm run demo`, first half: the demo project's database, made the way a project's own scripts would make
 * it: `atrium push` creates the tables, the project's Prisma client seeds them, `atrium create-user` adds the
 * demo account. Runs once; a later run finds the database and does nothing. Then `atrium build` and
 * `atrium serve` take over (package.json).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client/client.js";
import { seedDemo } from "./seed/seedDemo.js";

/** The demo's one account. Demo only: a real install has no default credentials (see docs/security.md). */
export const demoCredentials = { email: "admin@demo.atrium", password: "atrium-demo-password" } as const;

const databaseFile = resolve(process.env.ATRIUM_DEMO_DB ?? ".data/demo.db");

/** The project's `atrium` command, as `npx atrium` runs it. */
function atrium(args: string[], input?: string): void {
  const result = spawnSync("npm", ["run", "--silent", "atrium", "--", ...args], {
    input,
    stdio: [input === undefined ? "inherit" : "pipe", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new Error(`atrium ${args[0]} failed (exit ${result.status})`);
}

async function createDemoDatabase(): Promise<void> {
  await mkdir(dirname(databaseFile), { recursive: true });
  // Seeded into a scratch file and renamed into place at the end: an interrupted first run leaves no half demo.
  const scratch = `${databaseFile}.seeding`;
  await rm(scratch, { force: true });
  console.log("First run: creating and seeding the demo database...");
  const started = performance.now();
  atrium(["push", "--url", `file:${scratch}`]);
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${scratch}` }) });
  try {
    const summary = await seedDemo(client);
    const rows = summary.models.reduce((sum, entry) => sum + entry.rows, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${rows.toLocaleString("en")} rows in ${summary.models.length} models in ${seconds} s.`,
    );
  } finally {
    await client.$disconnect();
  }
  await rename(scratch, databaseFile);
  process.env.ATRIUM_DEMO_DB = databaseFile;
  atrium(["create-user", "--email", demoCredentials.email, "--superuser"], demoCredentials.password);
}

if (!existsSync(databaseFile)) await createDemoDatabase();
console.log(`Demo database: ${databaseFile}`);
console.log(`Sign in as ${demoCredentials.email} with the password ${demoCredentials.password}`);
