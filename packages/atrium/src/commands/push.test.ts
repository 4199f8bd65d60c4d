import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { adminQuery, createTestDatabase, type TestDatabaseLocation } from "@atrium/prisma/testing";
import { afterAll, describe, expect, it } from "vitest";
import { runPush } from "./push.js";

// What a user sees in the terminal: exit code, stdout and stderr. The real command line for two cases (each
// start costs seconds); the command's own function with the same output for the rest.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const folder = mkdtempSync(join(tmpdir(), "atrium-push-cli-"));
const created: TestDatabaseLocation[] = [];

function schemaFile(schemaText: string | undefined): string {
  const schema = join(folder, `schema-${Math.random().toString(36).slice(2)}.prisma`);
  if (schemaText !== undefined) writeFileSync(schema, schemaText);
  return schema;
}

function pushCommandLine(schemaText: string | undefined, url: string) {
  const schema = schemaFile(schemaText);
  const result = spawnSync(
    join(repoRoot, "node_modules/.bin/tsx"),
    ["--conditions=@atrium/source", "packages/atrium/src/cli.ts", "push", "--schema", schema, "--url", url],
    // A push takes seconds; a command still running long after is a bug of its own (see the exit test).
    { cwd: repoRoot, encoding: "utf8", timeout: 45_000 },
  );
  return { schema, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function push(schemaText: string | undefined, url: string) {
  const schema = schemaFile(schemaText);
  let stdout = "";
  let stderr = "";
  const status = await runPush(
    { schema, url },
    { log: (text) => (stdout += `${text}\n`), error: (text) => (stderr += `${text}\n`) },
  );
  return { schema, status, stdout, stderr };
}

/** One `atrium:` line, then `hint:` lines, and nothing like an object dump or a stack trace. */
function expectOneMessage(stderr: string) {
  const lines = stderr.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^atrium: /);
  expect(lines.slice(1).every((line) => line.startsWith("hint: "))).toBe(true);
  expect(stderr).not.toMatch(/^\s+at |\{$|\[cause\]|Error:/m);
}

const datasource = (provider: string, extra = "") =>
  `datasource db {\n  provider = "${provider}"\n${extra}}\n`;

afterAll(async () => {
  for (const database of created) await database.drop();
});

describe("npm run atrium -- push", () => {
  it("refuses a URL of another database, with an example of the right one", () => {
    const result = pushCommandLine(
      `${datasource("sqlite")}\nmodel Note {\n  id Int @id\n}\n`,
      "/tmp/notes.db",
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `atrium: --url "/tmp/notes.db" is not a database URL: the schema's datasource is SQLite\nhint: Use a URL like file:./dev.db.\n`,
    );
  });

  it("creates a SQLite database and exits when done, not a minute later (the engine's timers are cleared)", () => {
    const file = join(folder, "exits.db");
    const result = pushCommandLine(
      `${datasource("sqlite")}\nmodel Note {\n  id Int @id\n}\n`,
      `file:${file}`,
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`Pushed ${result.schema} to file:${file}\n`);
  }, 60_000);

  it("lists the errors of a schema that does not validate, with their lines", async () => {
    const result = await push(
      `${datasource("sqlite")}\nmodel Note {\n  id    Int    @id\n  title Strng\n}\n`,
      "file:/tmp/never.db",
    );
    expect(result.status).toBe(1);
    expectOneMessage(result.stderr);
    expect(result.stderr).toContain(
      `atrium: ${result.schema} is not a valid Prisma schema: ${result.schema}:7: `,
    );
    expect(result.stderr).toMatch(/Strng/);
    expect(result.stderr).toMatch(/\nhint: Fix it, then push again\.\n$/);
  });

  it("says when no server answers", async () => {
    const result = await push(
      `${datasource("postgresql")}\nmodel Note {\n  id Int @id\n}\n`,
      "postgresql://me@127.0.0.1:1/notes",
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "atrium: Cannot connect to PostgreSQL at 127.0.0.1:1: connection refused\n" +
        "hint: Start the PostgreSQL server, or correct the host and port in --url.\n",
    );
  });

  it("names the extension a schema's type needs, and how to declare it", async () => {
    const database = await createTestDatabase("postgresql", { prefix: "atrium_cli" });
    created.push(database);
    const result = await push(
      `${datasource("postgresql")}\nmodel Member {\n  id    Int    @id\n  email String @db.Citext\n}\n`,
      database.url,
    );
    expect(result.status).toBe(1);
    expectOneMessage(result.stderr);
    expect(result.stderr).toBe(
      'atrium: PostgreSQL has no type "citext" (needed by table "Member"): it comes from the extension citext, which the schema does not declare\n' +
        'hint: Declare it in the schema: previewFeatures = ["postgresqlExtensions"] in the generator block and extensions = [citext] in the datasource block, then push again. Nothing was changed.\n',
    );
  });

  it("names a declared extension the server lacks, and the package that has it", async (context) => {
    const [server] = await adminQuery<{ major: number; hasVector: boolean }>(
      "postgresql",
      "SELECT current_setting('server_version_num')::int / 10000 AS major, " +
        "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS \"hasVector\"",
    );
    if (server?.hasVector) context.skip("this PostgreSQL server has pgvector");
    const database = await createTestDatabase("postgresql", { prefix: "atrium_cli" });
    created.push(database);
    const schema = `generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["postgresqlExtensions"]\n}\n\n${datasource("postgresql", "  extensions = [vector]\n")}\nmodel Passage {\n  id        Int                       @id\n  embedding Unsupported("vector(3)")?\n}\n`;
    const result = await push(schema, database.url);
    expect(result.status).toBe(1);
    expectOneMessage(result.stderr);
    expect(result.stderr).toMatch(
      new RegExp(
        `^atrium: The schema declares the PostgreSQL extension vector, which the server at .* \\(PostgreSQL ${server?.major}\\) does not have\n`,
      ),
    );
    expect(result.stderr).toContain(
      `hint: Install vector on the database server: the package postgresql-${server?.major}-pgvector`,
    );
  });

  it("names both sides of a MySQL foreign key whose column types differ", async () => {
    const database = await createTestDatabase("mysql", { prefix: "atrium_cli" });
    created.push(database);
    const schema = `${datasource("mysql")}\nmodel Account {\n  id       Int       @id @db.UnsignedInt\n  invoices Invoice[]\n}\n\nmodel Invoice {\n  id        Int     @id\n  accountId Int\n  account   Account @relation(fields: [accountId], references: [id])\n}\n`;
    const result = await push(schema, database.url);
    expect(result.status).toBe(1);
    expectOneMessage(result.stderr);
    expect(result.stderr).toMatch(
      /^atrium: MySQL refused the foreign key `Invoice_accountId_fkey` \(`Invoice`\.`accountId` INTEGER -> `Account`\.`id` INT UNSIGNED\): .*errno: 150/,
    );
  });

  it('pushes a relationMode = "prisma" schema and prints Prisma\'s warning about a relation without an index', async () => {
    const database = await createTestDatabase("mysql", { prefix: "atrium_cli" });
    created.push(database);
    const schema = `${datasource("mysql", '  relationMode = "prisma"\n')}\nmodel Author {\n  id    Int    @id\n  books Book[]\n}\n\nmodel Book {\n  id       Int    @id\n  authorId Int\n  author   Author @relation(fields: [authorId], references: [id])\n}\n`;
    const result = pushCommandLine(schema, database.url);
    expect(result.stderr).toMatch(
      new RegExp(
        `^atrium: warning: With \`relationMode = "prisma"\`, no foreign keys are used.*\\(${result.schema.replaceAll(".", "\\.")}:14\\)\n$`,
      ),
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Pushed .*schema-\w+\.prisma to 127\.0\.0\.1:3306\/atrium_cli_\w+\n$/);
  });

  it("says when the schema file is missing", async () => {
    const result = await push(undefined, "file:/tmp/never.db");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `atrium: Cannot read the schema ${result.schema}: no such file\nhint: Give --schema the path of your schema.prisma file.\n`,
    );
  });
});
