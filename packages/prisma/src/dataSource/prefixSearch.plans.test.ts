/**
 * A prefix search reads through the search field's index, where a contains search reads the table: the page
 * statement of each is explained on SQLite (an index on the field) and PostgreSQL (one with
 * `text_pattern_ops`), over 20,000 analysed rows.
 */
import type { DatabaseProvider, ListQuery, SearchMatch } from "@atrium/core";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { createPrismaDataSource } from "./createPrismaDataSource.js";
import { openTestDatabase, type QueryEvent, type TestDatabase } from "./testing/openTestDatabase.js";

const providers = [
  { provider: "sqlite" as const, reachable: true },
  { provider: "postgresql" as const, reachable: await databaseIsReachable("postgresql") },
];

function schemaFor(provider: DatabaseProvider): string {
  const ops = provider === "postgresql" ? '(ops: raw("text_pattern_ops"))' : "";
  return `datasource db {
  provider = "${provider}"
}
model Person {
  id   Int    @id @default(autoincrement())
  name String
  @@index([name${ops}], map: "person_name")
}
`;
}

const rows = 20_000;
/** Four letters that differ from row to row (so a prefix is selective), then the row's number. */
function nameOf(n: number): string {
  let code = (n * 7919) % 26 ** 4;
  let letters = "";
  for (let i = 0; i < 4; i += 1) {
    letters += String.fromCharCode(97 + (code % 26));
    code = Math.floor(code / 26);
  }
  return `${n % 2 ? letters.toUpperCase() : letters}-${n}`;
}

/** The plan's lines (SQLite) or nodes (PostgreSQL) of one statement, as text. */
async function planOf(provider: DatabaseProvider, url: string, statement: QueryEvent): Promise<string> {
  const params = JSON.parse(statement.params || "[]") as unknown[];
  if (provider === "sqlite") {
    const db = new Database(url.replace(/^file:/, ""), { readonly: true });
    try {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${statement.query}`).all(...params) as { detail: string }[];
      return plan.map((line) => line.detail).join("\n");
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(`EXPLAIN ${statement.query}`, params);
    return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}

for (const { provider, reachable } of providers) {
  describe.skipIf(!reachable)(`the plan of a search on ${provider}`, () => {
    let db: TestDatabase;
    let recording: QueryEvent[] | undefined;

    beforeAll(async () => {
      db = await openTestDatabase("prefixPlans", {
        provider,
        schemaText: schemaFor(provider),
        onQuery: (event) => recording?.push({ query: event.query, params: event.params }),
      });
      const data = Array.from({ length: rows }, (_, n) => ({ name: nameOf(n) }));
      for (let start = 0; start < rows; start += 5000) {
        await db.client.person.createMany({ data: data.slice(start, start + 5000) });
      }
      await db.client.$executeRawUnsafe(provider === "sqlite" ? "ANALYZE" : 'ANALYZE "Person"');
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    /** The plan of the page statement of a list searched for `q`, and the names it found. */
    async function searched(match: SearchMatch, q: string) {
      const source = createPrismaDataSource({ client: db.client, schema: db.schema, searchMode: match });
      const query: ListQuery = {
        page: 1,
        perPage: 25,
        sort: [{ path: ["id"], direction: "desc" }],
        filters: [],
        search: q,
      };
      recording = [];
      const listed = await source.list(db.model("Person"), query);
      const page = recording.find(
        (statement) => /\bLIMIT\b/.test(statement.query) && !/COUNT/.test(statement.query),
      );
      recording = undefined;
      if (!page) throw new Error("The list ran no page statement");
      return {
        plan: await planOf(provider, db.url, page),
        names: listed.rows.map((row) => String(row.name)),
      };
    }

    it("reads a prefix search through the field's index", async () => {
      const target = nameOf(1234);
      const { plan, names } = await searched("prefix", target.toLowerCase());
      expect(names).toEqual([target]);
      expect(plan).toContain("person_name");
      expect(plan).not.toMatch(/^SCAN (main\.)?Person$|Seq Scan|Index Scan Backward using "Person_pkey"/m);
    });

    it("reads the table for a contains search, which no B-tree index serves", async () => {
      const target = nameOf(1234);
      const { plan, names } = await searched("contains", target.toLowerCase());
      expect(names).toEqual([target]);
      expect(plan).not.toContain("person_name");
    });
  });
}
