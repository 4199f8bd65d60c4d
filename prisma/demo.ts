/**
 * `npm run demo`, first half: the demo project's database, made the way a project's own scripts would make
 * it: `atrium push` creates the tables, `atrium seed` writes the seed plan of atrium.config.ts, `atrium
 * create-user` adds the demo account. Runs once; a later run finds the database and does nothing. Then `atrium
 * build` and `atrium serve` take over (package.json).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** The demo's one account. Demo only: a real install has no default credentials (see docs/security.md). */
export const demoCredentials = { email: "admin@demo.atrium", password: "atrium-demo-password" } as const;

const databaseFile = resolve(process.env.ATRIUM_DEMO_DB ?? ".data/demo.db");

interface AtriumOptions {
  /** Standard input, e.g. a password for `create-user`; the terminal's when left out. */
  input?: string;
  /** The database the config points at (its `databaseUrl` reads ATRIUM_DEMO_DB); the demo's when left out. */
  database?: string;
}

/** The project's `atrium` command, as `npx atrium` runs it. */
function atrium(args: string[], options: AtriumOptions = {}): void {
  const { input, database = databaseFile } = options;
  const result = spawnSync("npm", ["run", "--silent", "atrium", "--", ...args], {
    input,
    stdio: [input === undefined ? "inherit" : "pipe", "inherit", "inherit"],
    env: { ...process.env, ATRIUM_DEMO_DB: database },
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
  // Prints a line per model and the rows written.
  atrium(["seed"], { database: scratch });
  await rename(scratch, databaseFile);
  atrium(["create-user", "--email", demoCredentials.email, "--superuser"], {
    input: demoCredentials.password,
  });
  console.log(`Created the demo database in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

if (!existsSync(databaseFile)) await createDemoDatabase();
console.log(`Demo database: ${databaseFile}`);
console.log(`Sign in as ${demoCredentials.email} with the password ${demoCredentials.password}`);
