/**
 * `atrium generate` as a user runs it, on a SQLite project of its own: every model with `--all`, one model by
 * its key, a misspelt model and a bad count refused with a message and exit code 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pushSchema } from "@atrium/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { querySqlite, repoRoot, runAtrium } from "./testing/runCli.js";

const folder = mkdtempSync(join(tmpdir(), "atrium-generate-cli-"));

const atrium = (...args: string[]) => runAtrium(folder, args);

const query = <T>(sql: string) => querySqlite<T>(join(folder, "dev.db"), sql);

describe("atrium generate", () => {
  beforeAll(async () => {
    const schemaText = readFileSync(join(repoRoot, "packages/prisma/test/schemas/keys.prisma"), "utf8");
    writeFileSync(join(folder, "schema.prisma"), schemaText);
    writeFileSync(
      join(folder, "atrium.config.json"),
      JSON.stringify({ schema: "schema.prisma", databaseUrl: "file:./dev.db" }),
    );
    await pushSchema({ schemaText, url: `file:${join(folder, "dev.db")}` });
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("writes every model's records with --all, prints progress and the seed, and audits them as the system", () => {
    const run = atrium("generate", "--all", "--count", "5", "--seed", "4");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("seed 4");
    expect(run.stdout).toMatch(/^Booking: 5\/5 \(step \d+ of 10\)$/m);
    expect(run.stdout).toMatch(/Created 50 records in/);
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM bookings")[0]?.n).toBe(5);
    const audit = query<{ actor_email: string; action: string; n: number }>(
      "SELECT actor_email, action, COUNT(*) AS n FROM atrium_audit_entry GROUP BY actor_email, action",
    );
    expect(audit).toEqual([{ actor_email: "system", action: "create", n: 50 }]);
  });

  it("writes one model by its name or key, pointing at the records that exist", () => {
    const run = atrium("generate", "order-line", "--count", "7", "--seed", "5");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^OrderLine: 7\/7$/m);
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM OrderLine")[0]?.n).toBe(12);
    expect(query<{ n: number }>('SELECT COUNT(*) AS n FROM "Order"')[0]?.n).toBe(5);
  });

  it("refuses a misspelt model with a suggestion, and a bad count, with exit code 2", () => {
    const misspelt = atrium("generate", "Fligth", "--count", "3");
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr.trim()).toBe("atrium: the schema has no model 'Fligth'; did you mean 'Flight'?");
    const badCount = atrium("generate", "Flight", "--count", "0");
    expect(badCount.status).toBe(2);
    expect(badCount.stderr).toContain("--count must be a whole number of at least 1");
  });
});
