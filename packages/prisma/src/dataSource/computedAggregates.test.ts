/**
 * Computed list columns that aggregate a one-to-many relation (computedAggregates.ts): their values, zeros and
 * empties included, on every database; and their cost: a fixed number of statements whatever the page size,
 * none reading the related table whole (wholeTableReads.ts), on SQLite and PostgreSQL. Player's transfers refer
 * to it by its `code`, a @unique that is not the id, so the page's keys are not simply its ids.
 */
import type { ComputedColumnMeta, ListQuery, ModelMeta } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type QueryEvent, type TestDatabase } from "./testing/openTestDatabase.js";
import { wholeTableReads } from "./testing/wholeTableReads.js";

const providers = [
  { provider: "sqlite" as const, reachable: true, plans: true },
  { provider: "postgresql" as const, reachable: await databaseIsReachable("postgresql"), plans: true },
  { provider: "mysql" as const, reachable: await databaseIsReachable("mysql"), plans: false },
];

const columns: ComputedColumnMeta[] = [
  {
    kind: "aggregate",
    name: "transferCount",
    label: "Transfers",
    aggregate: "count",
    relation: "transfers",
    sortable: true,
  },
  {
    kind: "aggregate",
    name: "feeTotal",
    label: "Fees",
    aggregate: "sum",
    relation: "transfers",
    field: "fee",
    sortable: false,
  },
  {
    kind: "aggregate",
    name: "feeAverage",
    label: "Avg. fee",
    aggregate: "average",
    relation: "transfers",
    field: "fee",
    sortable: false,
  },
  {
    kind: "aggregate",
    name: "feeMin",
    label: "Lowest fee",
    aggregate: "min",
    relation: "transfers",
    field: "fee",
    sortable: false,
  },
  {
    kind: "aggregate",
    name: "feeMax",
    label: "Highest fee",
    aggregate: "max",
    relation: "transfers",
    field: "fee",
    sortable: false,
  },
];

const players = 40;

for (const { provider, reachable, plans } of providers) {
  describe.skipIf(!reachable)(`computed aggregate columns on ${provider}`, () => {
    let db: TestDatabase;
    let player: ModelMeta;
    let recording: QueryEvent[] | undefined;

    beforeAll(async () => {
      db = await openTestDatabase("relationCounts", {
        provider,
        onQuery: (event) => recording?.push({ query: event.query, params: event.params }),
      });
      const base = db.model("Player");
      player = { ...base, admin: { list: { computed: columns } } };
      await db.client.player.createMany({
        data: Array.from({ length: players }, (_, at) => ({ code: `p${at + 1}`, name: `Player ${at + 1}` })),
      });
      // Player n (1 to 39) has n % 4 transfers of 10, 20, 30...; player 40 has none on a page of its own.
      const transfers = Array.from({ length: players - 1 }, (_, at) =>
        Array.from({ length: (at + 1) % 4 }, (_, step) => ({
          playerCode: `p${at + 1}`,
          fee: 10 * (step + 1),
        })),
      ).flat();
      await db.client.transfer.createMany({ data: transfers });
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    const list = (query: Partial<ListQuery>) =>
      db.dataSource.list(player, {
        page: 1,
        perPage: 8,
        sort: [{ path: ["id"], direction: "asc" }],
        filters: [],
        ...query,
      });
    const computedOf = (rows: Record<string, unknown>[]) =>
      rows.map((row) => ({ code: row.code, ...(row.$computed as object) }));

    it("gives each row its count, sum, average, lowest and highest, and 0 or nothing without related rows", async () => {
      const { rows } = await list({});
      expect(computedOf(rows).slice(0, 4)).toEqual([
        { code: "p1", transferCount: 1, feeTotal: 10, feeAverage: 10, feeMin: 10, feeMax: 10 },
        { code: "p2", transferCount: 2, feeTotal: 30, feeAverage: 15, feeMin: 10, feeMax: 20 },
        { code: "p3", transferCount: 3, feeTotal: 60, feeAverage: 20, feeMin: 10, feeMax: 30 },
        { code: "p4", transferCount: 0, feeTotal: 0, feeAverage: null, feeMin: null, feeMax: null },
      ]);
      const last = await list({ page: 5 });
      expect(computedOf(last.rows).at(-1)).toEqual({
        code: "p40",
        transferCount: 0,
        feeTotal: 0,
        feeAverage: null,
        feeMin: null,
        feeMax: null,
      });
    });

    it("sorts by a count, most first, then by id", async () => {
      const { rows, next } = await list({
        sort: [
          { path: ["transfers"], direction: "desc", count: true },
          { path: ["id"], direction: "asc" },
        ],
      });
      expect(
        computedOf(rows).map((row) => [row.code, (row as { transferCount?: number }).transferCount]),
      ).toEqual([
        ["p3", 3],
        ["p7", 3],
        ["p11", 3],
        ["p15", 3],
        ["p19", 3],
        ["p23", 3],
        ["p27", 3],
        ["p31", 3],
      ]);
      // No cursor seeks by a count: the page says so by giving none.
      expect(next).toBeUndefined();
    });

    it.skipIf(!plans)(
      "runs the same statements for a page of 2 and of 20, none reading the related table whole",
      async () => {
        const statementsOf = async (perPage: number) => {
          const statements: QueryEvent[] = [];
          recording = statements;
          try {
            await list({ perPage });
          } finally {
            recording = undefined;
          }
          return statements;
        };
        const plain = await (async () => {
          const statements: QueryEvent[] = [];
          recording = statements;
          await db.dataSource.list(db.model("Player"), { page: 1, perPage: 20, sort: [], filters: [] });
          recording = undefined;
          return statements;
        })();
        const small = await statementsOf(2);
        const large = await statementsOf(20);
        expect(large.length).toBe(small.length);
        // Five columns on one relation: one statement more than the list without them (the count is read anyway).
        expect(large.length).toBe(plain.length + 1);
        const grouped = large.filter(
          (statement) => /GROUP BY/.test(statement.query) && /"?fee"?/.test(statement.query),
        );
        expect(grouped).toHaveLength(1);
        expect(
          await wholeTableReads({
            provider,
            url: db.url,
            statements: large,
            pagedTable: player.dbName ?? player.name,
          }),
        ).toEqual([]);
      },
    );

    it.skipIf(!plans)(
      "three columns over two relations: one statement per relation with a field, for any page size",
      async () => {
        const base = db.model("Team");
        const team: ModelMeta = {
          ...base,
          admin: {
            list: {
              computed: [
                {
                  kind: "aggregate",
                  name: "playerCount",
                  label: "Players",
                  aggregate: "count",
                  relation: "players",
                  sortable: true,
                },
                {
                  kind: "aggregate",
                  name: "firstSeason",
                  label: "First season",
                  aggregate: "min",
                  relation: "seasons",
                  field: "year",
                  sortable: false,
                },
                {
                  kind: "aggregate",
                  name: "lastSeason",
                  label: "Last season",
                  aggregate: "max",
                  relation: "seasons",
                  field: "year",
                  sortable: false,
                },
              ],
            },
          },
        };
        for (let at = 1; at <= 30; at += 1) await db.client.team.create({ data: { name: `Team ${at}` } });
        await db.client.season.createMany({
          data: Array.from({ length: 30 }, (_, at) => [
            { teamId: at + 1, year: 2020 + (at % 3) },
            { teamId: at + 1, year: 2024 },
          ]).flat(),
        });
        const statementsOf = async (model: ModelMeta, perPage: number) => {
          const statements: QueryEvent[] = [];
          recording = statements;
          try {
            const { rows } = await db.dataSource.list(model, { page: 1, perPage, sort: [], filters: [] });
            return { statements, rows };
          } finally {
            recording = undefined;
          }
        };
        const plain = await statementsOf(base, 20);
        const small = await statementsOf(team, 2);
        const large = await statementsOf(team, 20);
        expect(large.statements.length).toBe(small.statements.length);
        // The count is the one the list reads anyway; min and max share one grouped statement over seasons.
        expect(large.statements.length).toBe(plain.statements.length + 1);
        // By id: team 1 played 2020 and 2024, and has no players.
        expect(large.rows[0]?.$computed).toEqual({ playerCount: 0, firstSeason: 2020, lastSeason: 2024 });
        expect(
          await wholeTableReads({
            provider,
            url: db.url,
            statements: large.statements,
            pagedTable: team.dbName ?? team.name,
          }),
        ).toEqual([]);
      },
    );
  });
}
