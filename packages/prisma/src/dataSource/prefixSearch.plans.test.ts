/**
 * A prefix search reads through the search field's index, where a contains search reads the table: the page
 * and count statements of each are explained on SQLite (an index on the field) and PostgreSQL (one with
 * `text_pattern_ops`), over 20,000 rows (analysed on PostgreSQL), with their parameters bound as Prisma's adapter binds them
 * (a LIMIT is an integer, which SQLite's planner reads: a bounded count ordered by the key then walked the
 * whole table in key order instead of the index, two seconds at ten million rows).
 */
import type { DatabaseProvider, ListQuery, SearchMatch } from "@atrium/core";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { createPrismaDataSource } from "./createPrismaDataSource.js";
import { openTestDatabase, type QueryEvent, type TestDatabase } from "./testing/openTestDatabase.js";
import { sqliteParamsOf } from "./testing/wholeTableReads.js";

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
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${statement.query}`).all(...sqliteParamsOf(statement)) as {
        detail: string;
      }[];
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
      // PostgreSQL's planner needs statistics to prefer an index on 20,000 rows. SQLite's file is left as a
      // project's usually is, never analysed: that is where its planner chose the key-order walk.
      if (provider === "postgresql") await db.client.$executeRawUnsafe('ANALYZE "Person"');
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    /** The plans of the page and count statements of a list searched for `q`, and the names it found. */
    async function searched(match: SearchMatch, q: string) {
      // A bound below the table's size, as on a big table, so the count's bound matters to the planner.
      const source = createPrismaDataSource({
        client: db.client,
        schema: db.schema,
        searchMode: match,
        maxExactCount: 1000,
      });
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
      const counts = recording.filter((statement) => /COUNT/.test(statement.query));
      recording = undefined;
      if (!page || counts.length === 0) throw new Error("The list ran no page or no count statement");
      return {
        plan: await planOf(provider, db.url, page),
        countPlans: await Promise.all(counts.map((count) => planOf(provider, db.url, count))),
        names: listed.rows.map((row) => String(row.name)),
        total: listed.total,
      };
    }

    it("reads a prefix search through the field's index", async () => {
      const target = nameOf(1234);
      const { plan, countPlans, names, total } = await searched("prefix", target.toLowerCase());
      expect(names).toEqual([target]);
      expect(total).toBe(1);
      const wholeTable = /^SCAN (main\.)?Person$|Seq Scan|Index Scan (Backward )?using "Person_pkey"/m;
      expect(plan).toContain("person_name");
      expect(plan).not.toMatch(wholeTable);
      for (const countPlan of countPlans) {
        expect(countPlan).toContain("person_name");
        expect(countPlan).not.toMatch(wholeTable);
      }
    });

    it("reads the table for a contains search, which no B-tree index serves", async () => {
      const target = nameOf(1234);
      const { plan, names } = await searched("contains", target.toLowerCase());
      expect(names).toEqual([target]);
      expect(plan).not.toContain("person_name");
    });
  });
}
