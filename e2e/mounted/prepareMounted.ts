/**
 * The database the mounted admin's browser test runs on: the demo's schema, pushed with `atrium push` into a
 * fresh SQLite file, a small seed (seconds, not the full demo's minutes), the demo's account, and the demo's
 * admin built with `atrium build`. The host server (serveMounted.ts) then serves it under /admin.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../prisma/generated/client/client.js";
import { seedDemo } from "../../prisma/seed/seedDemo.js";

export const repoRoot = resolve(import.meta.dirname, "../..");
/** The demo's config reads its database from ATRIUM_DEMO_DB: the mounted admin gets a file of its own. */
export const mountedDatabase = join(repoRoot, ".data/mounted.db");
export const mountedAccount = { email: "admin@demo.atrium", password: "atrium-demo-password" } as const;

/** The demo project's `atrium` command, from Atrium's sources, as `npm run atrium` runs it. */
function atrium(args: string[], input?: string): void {
  console.log(`[mounted] atrium ${args.join(" ")}`);
  execFileSync("npm", ["run", "--silent", "atrium", "--", ...args], {
    cwd: repoRoot,
    input,
    env: { ...process.env, ATRIUM_DEMO_DB: mountedDatabase },
    stdio: [input === undefined ? "ignore" : "pipe", "inherit", "inherit"],
  });
}

export async function prepareMounted(): Promise<void> {
  rmSync(mountedDatabase, { force: true });
  mkdirSync(dirname(mountedDatabase), { recursive: true });
  atrium(["push", "--url", `file:${mountedDatabase}`]);
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${mountedDatabase}` }) });
  try {
    const summary = await seedDemo(client, { scale: 0.01 });
    console.log(`[mounted] seeded ${summary.totalRows} rows in ${summary.seconds} s`);
  } finally {
    await client.$disconnect();
  }
  atrium(["create-user", "--email", mountedAccount.email, "--superuser"], mountedAccount.password);
  atrium(["build"]);
}

if (process.argv[1] === import.meta.filename) await prepareMounted();
