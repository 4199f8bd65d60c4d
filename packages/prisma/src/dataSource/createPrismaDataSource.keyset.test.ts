/**
 * Keyset pages on every database: walking a whole table by `next` cursors, and back by `prev` cursors, shows
 * every row exactly once, in the order offset pages show them, for sorts on nullable columns with NULLs and
 * ties, descending sorts, a to-one relation's field (missing relations included) and a composite primary key.
 * A cursor page runs as many statements as page 1.
 */
import {
  type DatabaseProvider,
  decodeListCursor,
  encodeListCursor,
  type ListCursor,
  type ListQuery,
  parseListQuery,
  type StoredRow,
} from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reachableProviders } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type QueryEvent, type TestDatabase } from "./testing/openTestDatabase.js";

const schemaText = `datasource db {
  provider = "sqlite"
}

model Owner {
  id    Int     @id
  name  String?
  score Int?
  items Item[]
}

// Declared out of alphabetical order: PostgreSQL and MariaDB sort by declaration, SQLite by text.
enum Status {
  SHIPPED
  DRAFT
  PAID
}

model Item {
  shelf   Int
  slot    Int
  title   String
  rank    Int?
  price   Decimal?
  seenAt  DateTime?
  status  Status?
  done    Boolean
  weight  Float?
  ownerId Int?
  owner   Owner?    @relation(fields: [ownerId], references: [id])

  @@id([shelf, slot])
  @@index([rank])
}
`;

/** Sorts a user can ask for; each ends (in parseListQuery) with the id fields. */
const sorts = [
  "",
  "rank",
  "-rank",
  "title,-rank",
  "-price",
  "seenAt,-title",
  "owner.name",
  "-owner.name,rank",
  "-owner.score,title",
  "-slot",
  "status,-done",
  "-status",
  "done,title",
  "-weight",
];
const perPage = 4;

const providers: DatabaseProvider[] = ["sqlite", "postgresql", "mysql"];
const reachable = await reachableProviders(providers);

describe.each(providers)("keyset pages on %s", (provider) => {
  // Only PostgreSQL's double precision holds NaN and the infinities (above every number, below NULL).
  const special =
    provider === "postgresql" ? [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY] : [];
  const weightAt = (index: number) => (index % 9 === 0 ? null : (special[index % 5] ?? (index % 6) / 4));

  let db: TestDatabase;
  const statements: QueryEvent[] = [];

  beforeAll(async () => {
    if (!reachable[provider]) return;
    db = await openTestDatabase("keyset", {
      provider,
      schemaText,
      onQuery: (event) => statements.push(event),
    });
    await db.client.owner.createMany({
      data: [
        { id: 1, name: "ann", score: 2 },
        { id: 2, name: null, score: null },
        { id: 3, name: "bob", score: 2 },
        { id: 4, name: "ann", score: 1 },
      ],
    });
    const items = [];
    for (let index = 0; index < 27; index += 1) {
      items.push({
        shelf: index % 3,
        slot: index,
        // Ties on every column, NULLs in every nullable one.
        title: ["b", "a", "c"][index % 3] as string,
        rank: index % 4 === 0 ? null : index % 5,
        price: index % 6 === 0 ? null : `${index % 4}.${index % 3}5`,
        seenAt: index % 7 === 0 ? null : new Date(Date.UTC(2024, 0, 1 + (index % 4), 0, 0, 0, index % 2)),
        status: index % 8 === 0 ? null : (["SHIPPED", "DRAFT", "PAID"][index % 3] as string),
        done: index % 2 === 0,
        weight: weightAt(index),
        ownerId: index % 5 === 0 ? null : (index % 4) + 1,
      });
    }
    await db.client.item.createMany({ data: items });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  const keyOf = (row: StoredRow) => `${row.shelf}/${row.slot}`;

  /** The API's way: `sort` and `cursor` parameters, the cursor through its opaque text and back. */
  function query(sort: string, cursor?: ListCursor): ListQuery {
    const item = db.model("Item");
    const params = new URLSearchParams({ perPage: String(perPage) });
    if (sort) params.set("sort", sort);
    const parsed = parseListQuery(db.schema, item, params);
    if (!cursor) return parsed;
    params.set("cursor", encodeListCursor(db.schema, item, parsed.sort, cursor));
    return parseListQuery(db.schema, item, params);
  }

  it.skipIf(!reachable[provider]).each(sorts)(
    "walks the table sorted by '%s' forward and back",
    async (sort) => {
      const item = db.model("Item");
      const all = await db.dataSource.list(item, { ...query(sort), perPage: 100 });
      const expected = all.rows.map(keyOf);
      expect(expected).toHaveLength(27);

      const forward: string[] = [];
      let page = await db.dataSource.list(item, query(sort));
      expect(page.prev).toBeNull();
      let last = page;
      while (true) {
        forward.push(...page.rows.map(keyOf));
        last = page;
        if (!page.next) break;
        expect(forward.length).toBeLessThan(40);
        page = await db.dataSource.list(item, query(sort, page.next));
      }
      expect(forward).toEqual(expected);

      const backward: string[][] = [last.rows.map(keyOf)];
      let back = last;
      while (back.prev) {
        back = await db.dataSource.list(item, query(sort, back.prev));
        expect(back.rows).toHaveLength(perPage);
        backward.unshift(back.rows.map(keyOf));
      }
      expect(backward.flat()).toEqual(expected);
      expect(back.rows.map(keyOf)).toEqual(expected.slice(0, perPage));
    },
  );

  it.skipIf(!reachable[provider])("pages on from an offset page, and counts the whole list", async () => {
    const item = db.model("Item");
    const third = await db.dataSource.list(item, { ...query("-rank"), page: 3 });
    const all = (await db.dataSource.list(item, { ...query("-rank"), perPage: 100 })).rows.map(keyOf);
    expect(third.prev).not.toBeNull();
    const fourth = await db.dataSource.list(item, query("-rank", third.next ?? undefined));
    expect(fourth.rows.map(keyOf)).toEqual(all.slice(12, 16));
    const second = await db.dataSource.list(item, query("-rank", third.prev ?? undefined));
    expect(second.rows.map(keyOf)).toEqual(all.slice(4, 8));
    expect(fourth.total).toBe(27);
  });

  it.skipIf(!reachable[provider])(
    "runs as many statements for a deep cursor page as for page 1",
    async () => {
      const item = db.model("Item");
      statements.length = 0;
      const first = await db.dataSource.list(item, query("owner.name"));
      const firstCount = statements.length;
      const fifth = await db.dataSource.list(item, { ...query("owner.name"), page: 5 });
      statements.length = 0;
      await db.dataSource.list(item, query("owner.name", fifth.next ?? undefined));
      expect(statements.length).toBe(firstCount);
      expect(first.rows).toHaveLength(perPage);
    },
  );

  it.skipIf(!reachable[provider])("keeps sorted-on related fields out of the rows it answers", async () => {
    const item = db.model("Item");
    const page = await db.dataSource.list(item, query("-owner.score"));
    const owners = page.rows.flatMap((row) => (row.owner ? [row.owner as object] : []));
    expect(owners.length).toBeGreaterThan(0);
    for (const owner of owners) expect(Object.keys(owner).sort()).toEqual(["id", "name"]);
  });

  it.skipIf(!reachable[provider])(
    "reads bulk pages (exports) in one statement each: the same rows, no count, labels or relation reads",
    async () => {
      const item = db.model("Item");
      const expected = (await db.dataSource.list(item, { ...query("-rank"), perPage: 100 })).rows;
      const walked: StoredRow[] = [];
      let cursor: ListCursor | undefined;
      do {
        statements.length = 0;
        const page = await db.dataSource.list(item, { ...query("-rank", cursor), bulk: true });
        expect(statements).toHaveLength(1);
        expect(page.total).toBeNull();
        walked.push(...page.rows);
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(walked.map(keyOf)).toEqual(expected.map(keyOf));
      expect(walked[0]).not.toHaveProperty("owner");
      expect(walked.find((row) => row.ownerId === 2)).toMatchObject({ ownerId: 2 });
    },
  );

  it.skipIf(!reachable[provider])("refuses a cursor made for another sort", () => {
    const item = db.model("Item");
    const byRank = query("rank");
    const text = encodeListCursor(db.schema, item, byRank.sort, { direction: "next", values: [1, 0, 1] });
    expect(() => decodeListCursor(db.schema, item, query("-rank").sort, text)).toThrow(/sorted by 'rank/);
  });
});
