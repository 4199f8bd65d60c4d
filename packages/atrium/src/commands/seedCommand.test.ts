/**
 * `atrium seed` as a user runs it, on a SQLite project of its own whose atrium.config.ts has a seed plan with
 * a list, a faker call and a function of the row: the plan written with its makers, audited as the system; a
 * second run adding nothing; a raised count adding exactly the rows a bigger first run writes; a misspelt plan
 * refused with its check code.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pushSchema } from "@atrium/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { querySqlite, runAtrium } from "./testing/runCli.js";

const root = mkdtempSync(join(tmpdir(), "atrium-seed-cli-"));

const schemaText = `
datasource db {
  provider = "sqlite"
}

enum Genre {
  FICTION
  POETRY
  HISTORY
}

model Author {
  id    Int    @id @default(autoincrement())
  name  String
  email String @unique
  /// Configured "writeOnly": the audit keeps no value of it.
  alias String
  books Book[]
}

model Tag {
  id    Int    @id @default(autoincrement())
  name  String @unique
  books Book[]
}

model Book {
  id       Int    @id @default(autoincrement())
  title    String
  slug     String @unique
  genre    Genre
  pages    Int
  authorId Int
  author   Author @relation(fields: [authorId], references: [id])
  tags     Tag[]
}
`;

function config(books: number, extra = "") {
  return `export default {
  schema: "schema.prisma",
  databaseUrl: "file:./dev.db",
  fields: { "Author.alias": "writeOnly" },
  seed: {
    seed: 42,
    models: {
      Book: {
        count: ${books},
        fields: {
          genre: ["POETRY", "HISTORY"],
          title: ({ faker }) => faker.lorem.words(3),
          slug: ({ row, index }) => \`\${String(row.title).replaceAll(" ", "-")}-\${index + 1}\`,
          pages: ({ faker }) => faker.number.int({ min: 90, max: 99 }),${extra}
        },
      },
      Tag: { count: 4, fields: { name: ["crime", "travel", "science", "poems", "history"] } },
      Author: { count: 3 },
    },
  },
};
`;
}

async function project(name: string, books: number) {
  const folder = join(root, name);
  mkdirSync(folder);
  writeFileSync(join(folder, "schema.prisma"), schemaText);
  writeFileSync(join(folder, "atrium.config.ts"), config(books));
  await pushSchema({ schemaText, url: `file:${join(folder, "dev.db")}` });
  return folder;
}

const atrium = (folder: string, ...args: string[]) => runAtrium(folder, args);

const query = <T>(folder: string, sql: string) => querySqlite<T>(join(folder, "dev.db"), sql);

type BookRow = { id: number; title: string; slug: string; genre: string; pages: number; authorId: number };
const books = (folder: string) => query<BookRow>(folder, "SELECT * FROM Book ORDER BY id");
const links = (folder: string) =>
  query<{ A: number; B: number }>(folder, "SELECT * FROM _BookToTag ORDER BY A, B");

describe("atrium seed", () => {
  let topped: string;
  let fresh: string;
  beforeAll(async () => {
    topped = await project("topped", 5);
    fresh = await project("fresh", 8);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes the plan, parents first, with each maker's values, audited as the system", () => {
    const run = atrium(topped, "seed");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Author: 3 added to 0$/m);
    expect(run.stdout).toMatch(/^Tag: 4 added to 0$/m);
    expect(run.stdout).toMatch(/^Book: 5 added to 0$/m);
    expect(run.stdout).toMatch(/Seeded 12 records with seed 42 in/);
    const rows = books(topped);
    expect(rows).toHaveLength(5);
    for (const [index, row] of rows.entries()) {
      expect(["POETRY", "HISTORY"]).toContain(row.genre);
      expect(row.pages).toBeGreaterThanOrEqual(90);
      expect(row.pages).toBeLessThanOrEqual(99);
      expect(row.slug).toBe(`${row.title.replaceAll(" ", "-")}-${index + 1}`);
      expect([1, 2, 3]).toContain(row.authorId);
    }
    const tags = query<{ name: string }>(topped, "SELECT name FROM Tag").map((tag) => tag.name);
    for (const tag of tags) expect(["crime", "travel", "science", "poems", "history"]).toContain(tag);
    const audit = query<{ actor_email: string; n: number }>(
      topped,
      "SELECT actor_email, COUNT(*) AS n FROM atrium_audit_entry WHERE action = 'create' GROUP BY actor_email",
    );
    expect(audit).toEqual([{ actor_email: "system", n: 12 }]);
    // As when the admin writes it: a write-only field's value stays out of the history.
    const authors = query<{ changes: string }>(
      topped,
      "SELECT changes FROM atrium_audit_entry WHERE model = 'author'",
    );
    expect(authors).toHaveLength(3);
    for (const { changes } of authors)
      expect(JSON.parse(changes).alias).toEqual({ old: null, new: "[hidden]" });
  });

  it("adds nothing when run again: every model already has its count", () => {
    const before = books(topped);
    const run = atrium(topped, "seed");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Book: 0 added to 5$/m);
    expect(run.stdout).toMatch(/Seeded 0 records/);
    expect(books(topped)).toEqual(before);
  });

  it("tops a model up to a raised count with the rows a first run of that count writes", () => {
    writeFileSync(join(topped, "atrium.config.ts"), config(8));
    const run = atrium(topped, "seed");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Book: 3 added to 5$/m);
    expect(atrium(fresh, "seed").status).toBe(0);
    expect(books(topped)).toHaveLength(8);
    expect(books(topped)).toEqual(books(fresh));
    expect(links(topped)).toEqual(links(fresh));
  });

  it("refuses a misspelt plan with every problem and its code, writing nothing", () => {
    const folder = join(root, "topped");
    writeFileSync(join(folder, "atrium.config.ts"), config(9, '\n          titel: ["x"],'));
    const before = books(folder);
    const run = atrium(folder, "seed");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "atrium.E143 seed.models.Book.fields.titel: 'titel' is not a field of Book; did you mean 'title'?",
    );
    expect(books(folder)).toEqual(before);
  });
});
