/**
 * `atrium import` and `atrium export` as a user runs them, on a SQLite project of its own (scalars.prisma): a dry
 * run that prints each problem with its row and field and writes nothing, a commit audited as the system, and an
 * export that reads the values back exactly; misspelt models and bad filters refused with exit code 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pushSchema } from "@atrium/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { querySqlite, repoRoot, runAtrium } from "./testing/runCli.js";

const folder = mkdtempSync(join(tmpdir(), "atrium-exchange-cli-"));

const atrium = (...args: string[]) => runAtrium(folder, args);

const query = <T>(sql: string) => querySqlite<T>(join(folder, "dev.db"), sql);

const header = "text,integer,big,decimal,moment,data,blob,mood";
const rows = [
  'first,1,9007199254740993,12.50,1999-12-31T23:59:59.999Z,"{""a"":[1,2]}",AAEC,SAD',
  'second,2,-9223372036854775808,0.001,2024-02-29T12:00:00.000Z,[],"",HAPPY',
];

describe("atrium import and export", () => {
  beforeAll(async () => {
    const schemaText = readFileSync(join(repoRoot, "packages/prisma/test/schemas/scalars.prisma"), "utf8");
    writeFileSync(join(folder, "schema.prisma"), schemaText);
    writeFileSync(
      join(folder, "atrium.config.json"),
      JSON.stringify({ schema: "schema.prisma", databaseUrl: "file:./dev.db" }),
    );
    await pushSchema({ schemaText, url: `file:${join(folder, "dev.db")}` });
    writeFileSync(join(folder, "samples.csv"), [header, ...rows].join("\n"));
    writeFileSync(join(folder, "bad.csv"), [header, rows[0], rows[1]?.replace(",2,", ",two,")].join("\n"));
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("prints each problem of a dry run with its row and field, and refuses the commit, writing nothing", () => {
    const dry = atrium("import", "Sample", "bad.csv", "--dry-run");
    expect(dry.status, dry.stderr).toBe(1);
    expect(dry.stdout).toContain("2 rows: 2 to create, 0 to update, 1 with problems");
    expect(dry.stdout).toMatch(/^ {2}row 2, integer: Expected a whole number/m);
    const commit = atrium("import", "sample", "bad.csv");
    expect(commit.status).toBe(1);
    expect(commit.stderr).toMatch(/Nothing was imported/);
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM Sample")[0]?.n).toBe(0);
  });

  it("imports a file as the system, audited, and exports it back exactly", () => {
    const commit = atrium("import", "Sample", "samples.csv");
    expect(commit.status, commit.stderr).toBe(0);
    expect(commit.stdout).toContain("Imported Sample: 2 created, 0 updated");
    const audit = query<{ actor_email: string; n: number }>(
      "SELECT actor_email, COUNT(*) AS n FROM atrium_audit_entry WHERE action = 'create' GROUP BY actor_email",
    );
    expect(audit).toEqual([{ actor_email: "system", n: 2 }]);

    const exported = atrium("export", "Sample", "--format", "ndjson", "--sort=integer");
    expect(exported.status, exported.stderr).toBe(0);
    const lines = exported.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((row) => [row.big, row.decimal, row.moment, row.blob, row.data])).toEqual([
      ["9007199254740993", "12.5", "1999-12-31T23:59:59.999Z", "AAEC", { a: [1, 2] }],
      ["-9223372036854775808", "0.001", "2024-02-29T12:00:00.000Z", "", []],
    ]);
    const filtered = atrium("export", "Sample", "--filter", "integer.gte=2", "-o", "out.csv");
    expect(filtered.status, filtered.stderr).toBe(0);
    expect(readFileSync(join(folder, "out.csv"), "utf8")).toMatch(/^id,text,.*\r\n\d+,second,/s);
  });

  it("refuses a misspelt model and a bad filter with exit code 2", () => {
    const misspelt = atrium("export", "Sampel");
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr.trim()).toBe("atrium: the schema has no model 'Sampel'; did you mean 'Sample'?");
    const badFilter = atrium("export", "Sample", "--filter", "integer.gte=many");
    expect(badFilter.status).toBe(2);
    expect(badFilter.stderr).toMatch(/whole number/);
    const noFormat = atrium("import", "Sample", "schema.prisma");
    expect(noFormat.status).toBe(2);
    expect(noFormat.stderr).toMatch(/--format csv, json, ndjson/);
  });
});
