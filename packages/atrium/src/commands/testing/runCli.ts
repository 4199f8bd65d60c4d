/**
 * The `atrium` command as a user runs it, for the command tests: the CLI from source in a child process, in a
 * project folder of the test's own, and that project's SQLite file read back directly.
 */
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../..");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `atrium <args>` run in `cwd`; a command that runs past `timeout` ms is killed (status null). */
export function runAtrium(cwd: string, args: readonly string[], timeout = 90_000): CliRun {
  const result = spawnSync(
    join(repoRoot, "node_modules/.bin/tsx"),
    ["--conditions=@atrium/source", join(repoRoot, "packages/atrium/src/cli.ts"), ...args],
    { cwd, encoding: "utf8", timeout },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The rows `sql` reads from the SQLite file, opened read-only and closed again. */
export function querySqlite<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
