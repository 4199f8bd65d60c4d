/**
 * A deep cursor page starts where its cursor points: the paged table is reached through an index condition
 * (SQLite `SEARCH ... (rank>?)`, PostgreSQL an Index Cond), where the offset page of the same depth walks the
 * index from its start and drops every row before the page (the check below catches that too).
 */
import { parseListQuery } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type QueryEvent, type TestDatabase } from "./testing/openTestDatabase.js";
import { pages, wholeTableReads } from "./testing/wholeTableReads.js";

const schemaText = `datasource db {
  provider = "sqlite"
}

model Entry {
  id    Int    @id @default(autoincrement())
  rank  Int
  title String

  @@index([rank, id])
}
`;

const providers = [
  { provider: "sqlite" as const, reachable: true },
  { provider: "postgresql" as const, reachable: await databaseIsReachable("postgresql") },
];

for (const { provider, reachable } of providers) {
  describe.skipIf(!reachable)(`the plan of a deep cursor page on ${provider}`, () => {
    let db: TestDatabase;
    let recording: QueryEvent[] | undefined;

    beforeAll(async () => {
      db = await openTestDatabase("keysetPlans", {
        provider,
        schemaText,
        onQuery: (event) => recording?.push({ query: event.query, params: event.params }),
      });
      const rows = Array.from({ length: 2000 }, (_, at) => ({ rank: at % 97, title: `Entry ${at}` }));
      await db.client.entry.createMany({ data: rows });
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    /** Whole-table reads of the statement that reads the page (not its count), none allowed. */
    async function pageReads(sort: string, deep: "cursor" | "offset"): Promise<string[]> {
      const entry = db.model("Entry");
      const query = parseListQuery(db.schema, entry, new URLSearchParams({ sort, perPage: "20" }));
      const before = await db.dataSource.list(entry, { ...query, page: 80 });
      expect(before.next).not.toBeNull();
      const statements: QueryEvent[] = [];
      recording = statements;
      try {
        const read =
          deep === "cursor" ? { ...query, cursor: before.next ?? undefined } : { ...query, page: 81 };
        expect((await db.dataSource.list(entry, read)).rows).toHaveLength(20);
      } finally {
        recording = undefined;
      }
      // The bounded count pages too (COUNT over a LIMITed subquery); the page is the other one.
      const paging = statements.filter(
        (statement) => pages(statement) && !/\bCOUNT\(/i.test(statement.query),
      );
      expect(paging).toHaveLength(1);
      return wholeTableReads({ provider, url: db.url, statements: paging, pagedTable: "" });
    }

    it.each(["rank", "-rank", ""])("seeks by index on the sort '%s'", async (sort) => {
      expect(await pageReads(sort, "cursor")).toEqual([]);
    });

    it("catches the offset page of the same depth walking the table from its start", async () => {
      expect(await pageReads("rank", "offset")).toEqual([expect.stringContaining("Entry")]);
    });
  });
}
