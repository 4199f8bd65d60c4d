/**
 * What a list page, a record page and a look-up cost grows with the page, never with the related tables: every
 * statement they run is explained (wholeTableReads.ts), and none may read a table whole except the one the list
 * pages, in order, until the page is full. Prisma's own `_count` select failed this (it groups the whole related
 * table on every request: the first test shows the check catches it). Run on every model of a schema with each
 * kind of to-many relation and to-one labels, on SQLite and PostgreSQL.
 */
import type { ModelMeta } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type QueryEvent, type TestDatabase } from "./testing/openTestDatabase.js";
import { pages, wholeTableReads } from "./testing/wholeTableReads.js";

const providers = [
  { provider: "sqlite" as const, reachable: true },
  { provider: "postgresql" as const, reachable: await databaseIsReachable("postgresql") },
];

const teams = 30;

/** Every model has rows, and every relation links some of them. */
async function seed(db: TestDatabase): Promise<void> {
  const { client } = db;
  for (let team = 1; team <= teams; team += 1) {
    await client.team.create({ data: { name: `Team ${team}`, parentId: team > 3 ? (team % 3) + 1 : null } });
  }
  for (let team = 2; team <= teams; team += 1) {
    await client.team.update({ where: { id: team }, data: { rivals: { connect: [{ id: team - 1 }] } } });
  }
  for (let sponsor = 1; sponsor <= 5; sponsor += 1) {
    const backed = Array.from({ length: teams / sponsor }, (_, at) => ({ id: at + 1 }));
    await client.sponsor.create({
      data: { id: `s${sponsor}`, name: `Sponsor ${sponsor}`, teams: { connect: backed } },
    });
  }
  const seasons = Array.from({ length: teams }, (_, at) =>
    [2023, 2024].map((year) => ({ teamId: at + 1, year })),
  );
  await client.season.createMany({ data: seasons.flat() });
  await client.match.createMany({
    data: seasons
      .flat()
      .flatMap((season) => ["Bears", "Wolves"].map((opponent) => ({ ...season, opponent }))),
  });
  const players = Array.from({ length: teams * 2 }, (_, at) => ({
    code: `p${at}`,
    name: `Player ${at}`,
    teamId: (at % teams) + 1,
  }));
  await client.player.createMany({ data: players });
  await client.transfer.createMany({
    data: players.map((player, at) => ({ playerCode: player.code, fee: at })),
  });
}

for (const { provider, reachable } of providers) {
  describe.skipIf(!reachable)(`statements of list and record pages on ${provider}`, () => {
    let db: TestDatabase;
    let recording: QueryEvent[] | undefined;

    beforeAll(async () => {
      db = await openTestDatabase("relationCounts", {
        provider,
        onQuery: (event) => recording?.push({ query: event.query, params: event.params }),
      });
      await seed(db);
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    /** The statements `work` runs. */
    const statementsOf = async (work: () => Promise<unknown>): Promise<QueryEvent[]> => {
      const statements: QueryEvent[] = [];
      recording = statements;
      try {
        await work();
      } finally {
        recording = undefined;
      }
      return statements;
    };
    const readsOf = (model: ModelMeta, statements: QueryEvent[]) =>
      wholeTableReads({ provider, url: db.url, statements, pagedTable: model.dbName ?? model.name });
    const list = (model: ModelMeta, perPage: number) =>
      db.dataSource.list(model, { page: 1, perPage, sort: [], filters: [] });

    it("catches a statement that reads a related table whole (Prisma's _count select)", async () => {
      const team = db.model("Team");
      const statements = await statementsOf(() =>
        db.client.team.findMany({
          orderBy: { id: "asc" },
          take: 5,
          select: { id: true, _count: { select: { players: true } } },
        }),
      );
      expect(await readsOf(team, statements)).toEqual([expect.stringContaining("Player")]);
    });

    it("reads no table whole but the one it pages, on every model's list, record page and look-up", async () => {
      const found: string[] = [];
      for (const model of db.schema.models) {
        const listed = await statementsOf(() => list(model, 20));
        expect(listed.length, `${model.name} list statements`).toBeGreaterThan(1);
        found.push(...(await readsOf(model, listed)).map((read) => `${model.name} list: ${read}`));

        const [first] = (await list(model, 1)).rows;
        const id = Object.fromEntries(model.idFields.map((name) => [name, first?.[name]]));
        const record = await statementsOf(() => db.dataSource.get(model, id));
        found.push(...(await readsOf(model, record)).map((read) => `${model.name} record: ${read}`));

        // A look-up's own statement searches text (`contains`), which reads the searched tables whatever the
        // plan; the labels of its hits are read by key like any page's.
        const lookup = await statementsOf(() => db.dataSource.lookup(model, "1", 10));
        const labels = lookup.filter((statement) => !pages(statement));
        found.push(...(await readsOf(model, labels)).map((read) => `${model.name} look-up: ${read}`));
      }
      expect(found).toEqual([]);
    });

    it("runs a number of statements bound by the model's relations, never by the page's size", async () => {
      for (const model of db.schema.models) {
        // The page, its total, and per relation its counts or its labels (which may read one level further:
        // labelDepth in buildSelect.ts).
        const bound = 2 + 2 * model.fields.filter((field) => field.kind === "relation").length;
        const small = await statementsOf(() => list(model, 2));
        const large = await statementsOf(() => list(model, 20));
        expect(small.length, model.name).toBeLessThanOrEqual(bound);
        expect(large.length, model.name).toBeLessThanOrEqual(bound);
      }
    });

    it("reads no labels through a reference that is empty on every row it shows", async () => {
      const team = db.model("Team");
      // Teams 1 to 3 have no parent; the others do.
      const root = await statementsOf(() => db.dataSource.get(team, { id: 1 }));
      const child = await statementsOf(() => db.dataSource.get(team, { id: 5 }));
      expect(child.length - root.length).toBe(1);
      expect(
        child.filter((statement) => !root.some((other) => other.query === statement.query)),
      ).toHaveLength(1);
    });
  });
}
