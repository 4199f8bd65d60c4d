/**
 * `atrium dumpdata` and `atrium loaddata` as a user runs them, on two SQLite projects over the fixture schema:
 * records generated in one, dumped to a file (and to standard output) and loaded into the other, empty, project; a second load refused with the
 * tables that hold rows and nothing written; a misspelt model refused with a suggestion.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pushSchema } from "@atrium/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { querySqlite, repoRoot, runAtrium } from "./testing/runCli.js";

const folder = mkdtempSync(join(tmpdir(), "atrium-fixture-cli-"));

const atrium = (project: string, ...args: string[]) => runAtrium(join(folder, project), args);

const query = <T>(project: string, sql: string) => querySqlite<T>(join(folder, project, "dev.db"), sql);

describe("atrium dumpdata and loaddata", () => {
  beforeAll(async () => {
    const schemaText = readFileSync(join(repoRoot, "packages/atrium/test/schemas/fixtures.prisma"), "utf8");
    for (const project of ["from", "to"]) {
      mkdirSync(join(folder, project));
      writeFileSync(join(folder, project, "schema.prisma"), schemaText);
      writeFileSync(
        join(folder, project, "atrium.config.json"),
        JSON.stringify({ schema: "schema.prisma", databaseUrl: "file:./dev.db" }),
      );
      await pushSchema({ schemaText, url: `file:${join(folder, project, "dev.db")}` });
    }
    const generated = atrium("from", "generate", "--all", "--count", "4", "--seed", "5");
    expect(generated.status, generated.stderr).toBe(0);
  }, 90_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("copies the rows, secrets and ids included, into an empty project", () => {
    const dump = atrium("from", "dumpdata", "--output", join(folder, "data.json"));
    expect(dump.status, dump.stderr).toBe(0);
    const file = JSON.parse(readFileSync(join(folder, "data.json"), "utf8"));
    expect(file.format).toBe("atrium-fixtures");
    const accounts = file.models.find((entry: { model: string }) => entry.model === "Account").rows;
    expect(accounts.length).toBeGreaterThanOrEqual(4);
    expect(typeof accounts[0].passwordHash).toBe("string");
    expect(typeof accounts[0].visits).toBe("string");

    const load = atrium("to", "loaddata", join(folder, "data.json"));
    expect(load.status, load.stderr).toBe(0);
    expect(load.stdout).toMatch(/^Loaded \d+ rows of 6 models and \d+ many-to-many links$/m);
    const accountsSql =
      "SELECT id, email, passwordHash, CAST(visits AS TEXT) AS visits, mentorId, favoriteTeamId FROM Account ORDER BY id";
    expect(query("to", accountsSql)).toEqual(query("from", accountsSql));
    const linksSql = 'SELECT * FROM "_follows" ORDER BY 1, 2';
    expect(query("to", linksSql)).toEqual(query("from", linksSql));
  });

  it("refuses to load into a database holding rows, naming the tables, and writes nothing", () => {
    const again = atrium("to", "loaddata", join(folder, "data.json"));
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/these tables hold rows: Account \(\d+ rows\), Team/);
    const count = "SELECT COUNT(*) AS n FROM Account";
    expect(query("to", count)).toEqual(query("from", count));
  });

  it("dumps only the named models to standard output, and suggests a misspelt one", () => {
    const dump = atrium("from", "dumpdata", "account", "-o", "-");
    expect(dump.status, dump.stderr).toBe(0);
    expect(JSON.parse(dump.stdout).models.map((entry: { model: string }) => entry.model)).toEqual([
      "Account",
    ]);
    const wrong = atrium("from", "dumpdata", "Acount");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("did you mean 'Account'?");
  });
});
