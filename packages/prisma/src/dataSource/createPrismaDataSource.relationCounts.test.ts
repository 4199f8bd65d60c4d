/**
 * The to-many counts a list, a record page, a write's answer and a transaction's reads show, for every shape of
 * relation (relationCounts.prisma: self-relations, a compound key, a key to a @unique, many-to-many on either side
 * and with itself) and key type (typedKeys.prisma: Decimal, DateTime and BigInt ids), on every database. Counts
 * are read for the page's keys only (relationCounts.ts); these tests say they are still the right numbers, zeros
 * included, whatever side of the page a record is on.
 */
import type { StoredRow, WriteData } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseIsReachable } from "../testing/databaseIsReachable.js";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const providers = [
  { provider: "sqlite" as const, reachable: true },
  { provider: "postgresql" as const, reachable: await databaseIsReachable("postgresql") },
  { provider: "mysql" as const, reachable: await databaseIsReachable("mysql") },
];

const everything = { page: 1, perPage: 50, sort: [], filters: [] };
const write = (scalars: Record<string, unknown>): WriteData => ({ scalars, connect: {}, setMany: {} });

/** The named fields of each row, in the rows' order. */
const pick = (rows: StoredRow[], names: string[]) =>
  rows.map((row) => Object.fromEntries(names.map((name) => [name, row[name]])));

const teamCounts = ["id", "children", "players", "seasons", "sponsors", "rivals", "rivalOf"];

for (const { provider, reachable } of providers) {
  describe.skipIf(!reachable)(`to-many counts on ${provider}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase("relationCounts", { provider });
      const { client } = db;
      // Ids 1 to 4 in creation order (given by the database, so that PostgreSQL's sequence follows).
      await client.team.create({ data: { name: "Lions" } });
      await client.team.create({ data: { name: "Cubs", parentId: 1 } });
      await client.team.create({ data: { name: "Tigers", parentId: 1 } });
      await client.team.create({ data: { name: "Loners" } });
      // Lions are rivals of Cubs and Tigers, Cubs of Tigers: each side of the self-relation counts apart.
      await client.team.update({ where: { id: 1 }, data: { rivals: { connect: [{ id: 2 }, { id: 3 }] } } });
      await client.team.update({ where: { id: 2 }, data: { rivals: { connect: [{ id: 3 }] } } });
      await client.sponsor.create({
        data: { id: "acme", name: "Acme", teams: { connect: [{ id: 1 }, { id: 2 }] } },
      });
      await client.sponsor.create({ data: { id: "bolt", name: "Bolt", teams: { connect: [{ id: 1 }] } } });
      await client.sponsor.create({ data: { id: "none", name: "Nobody's" } });
      await client.season.createMany({
        data: [
          { teamId: 1, year: 2023 },
          { teamId: 1, year: 2024 },
          { teamId: 2, year: 2024 },
        ],
      });
      await client.match.createMany({
        data: [
          { teamId: 1, year: 2023, opponent: "Bears" },
          { teamId: 1, year: 2024, opponent: "Bears" },
          { teamId: 1, year: 2024, opponent: "Wolves" },
          { teamId: 1, year: 2024, opponent: "Hawks" },
        ],
      });
      // Codes sort unlike ids, so a count matched to the wrong key shows.
      await client.player.create({ data: { code: "zeta", name: "Zed", teamId: 1 } });
      await client.player.create({ data: { code: "alpha", name: "Al", teamId: 1 } });
      await client.player.create({ data: { code: "mid", name: "Mo" } });
      await client.transfer.createMany({
        data: [
          { playerCode: "alpha", fee: 1 },
          { playerCode: "alpha", fee: 2 },
          { playerCode: "mid", fee: 3 },
        ],
      });
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    const expectedTeams = [
      { id: 1, children: 2, players: 2, seasons: 2, sponsors: 2, rivals: 2, rivalOf: 0 },
      { id: 2, children: 0, players: 0, seasons: 1, sponsors: 1, rivals: 1, rivalOf: 1 },
      { id: 3, children: 0, players: 0, seasons: 0, sponsors: 0, rivals: 0, rivalOf: 2 },
      { id: 4, children: 0, players: 0, seasons: 0, sponsors: 0, rivals: 0, rivalOf: 0 },
    ];

    it("counts every kind of relation on a list page, zeros included, on any page", async () => {
      const teams = await db.dataSource.list(db.model("Team"), everything);
      expect(pick(teams.rows, teamCounts)).toEqual(expectedTeams);
      const secondPage = await db.dataSource.list(db.model("Team"), { ...everything, page: 2, perPage: 2 });
      expect(pick(secondPage.rows, teamCounts)).toEqual(expectedTeams.slice(2));

      const seasons = await db.dataSource.list(db.model("Season"), everything);
      expect(pick(seasons.rows, ["teamId", "year", "matches"])).toEqual([
        { teamId: 1, year: 2023, matches: 1 },
        { teamId: 1, year: 2024, matches: 3 },
        { teamId: 2, year: 2024, matches: 0 },
      ]);
      const players = await db.dataSource.list(db.model("Player"), everything);
      expect(pick(players.rows, ["code", "transfers"])).toEqual([
        { code: "zeta", transfers: 0 },
        { code: "alpha", transfers: 2 },
        { code: "mid", transfers: 1 },
      ]);
      const sponsors = await db.dataSource.list(db.model("Sponsor"), everything);
      expect(pick(sponsors.rows, ["id", "teams"])).toEqual([
        { id: "acme", teams: 2 },
        { id: "bolt", teams: 1 },
        { id: "none", teams: 0 },
      ]);
    });

    it("counts on a record page and in a transaction's reads", async () => {
      expect(pick([(await db.dataSource.get(db.model("Team"), { id: 3 })) ?? {}], teamCounts)).toEqual([
        expectedTeams[2],
      ]);
      expect(await db.dataSource.get(db.model("Season"), { teamId: 1, year: 2024 })).toEqual(
        expect.objectContaining({ matches: 3 }),
      );
      const inTransaction = await db.dataSource.transaction((tx) => tx.list(db.model("Team"), everything));
      expect(pick(inTransaction.rows, teamCounts)).toEqual(expectedTeams);
    });

    it("answers a create and an update with the record's counts", async () => {
      const created = await db.dataSource.create(db.model("Team"), write({ name: "Newcomers" }));
      expect(created).toEqual(
        expect.objectContaining({ children: 0, players: 0, seasons: 0, sponsors: 0, rivals: 0, rivalOf: 0 }),
      );
      let answered: StoredRow | undefined;
      const updated = await db.dataSource.update(db.model("Team"), { id: 2 }, write({ name: "Cubs II" }), {
        beforeCommit: (row) => {
          answered = { ...row };
        },
      });
      expect(pick([updated], teamCounts)).toEqual([expectedTeams[1]]);
      // The server builds its answer inside the transaction, from the row beforeCommit gets.
      expect(pick([answered ?? {}], teamCounts)).toEqual([expectedTeams[1]]);
      await db.dataSource.delete(db.model("Team"), { id: created.id as number });
    });
  });

  describe.skipIf(!reachable)(`to-many counts by Decimal, DateTime and BigInt keys on ${provider}`, () => {
    let db: TestDatabase;
    const big = 9_007_199_254_740_993n;
    beforeAll(async () => {
      db = await openTestDatabase("typedKeys", { provider });
      const { client } = db;
      await client.rate.createMany({
        data: [
          { value: "0.5", name: "half" },
          { value: "1.25", name: "more" },
        ],
      });
      await client.day.createMany({
        data: [
          { on: new Date("2024-01-01T00:00:00.000Z"), name: "new year" },
          { on: new Date("2024-01-02T00:00:00.000Z"), name: "after" },
        ],
      });
      await client.label.createMany({
        data: [
          { id: big + 1n, name: "one" },
          { id: big + 2n, name: "two" },
        ],
      });
      await client.account.create({
        data: { id: big, name: "main", labels: { connect: [{ id: big + 1n }, { id: big + 2n }] } },
      });
      await client.account.create({
        data: { id: big + 5n, name: "spare", labels: { connect: [{ id: big + 2n }] } },
      });
      await client.entry.createMany({
        data: [
          { title: "a", rateValue: "1.25", dayOn: new Date("2024-01-02T00:00:00.000Z"), accountId: big },
          { title: "b", rateValue: "1.25", accountId: big },
        ],
      });
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    it("matches each count to its record", async () => {
      const rates = await db.dataSource.list(db.model("Rate"), everything);
      expect(pick(rates.rows, ["name", "entries"])).toEqual([
        { name: "half", entries: 0 },
        { name: "more", entries: 2 },
      ]);
      const days = await db.dataSource.list(db.model("Day"), everything);
      expect(pick(days.rows, ["name", "entries"])).toEqual([
        { name: "new year", entries: 0 },
        { name: "after", entries: 1 },
      ]);
      const accounts = await db.dataSource.list(db.model("Account"), everything);
      expect(pick(accounts.rows, ["name", "entries", "labels"])).toEqual([
        { name: "main", entries: 2, labels: 2 },
        { name: "spare", entries: 0, labels: 1 },
      ]);
      const labels = await db.dataSource.list(db.model("Label"), everything);
      expect(pick(labels.rows, ["name", "accounts"])).toEqual([
        { name: "one", accounts: 1 },
        { name: "two", accounts: 2 },
      ]);
    });
  });
}

/** Model A (`Badge`, first by name) in a schema of its own, so its join table is there; uuid ids on the other side. */
const multiSchema = `
datasource db {
  provider = "postgresql"
  schemas  = ["public", "club"]
}

model Badge {
  id      Int      @id @default(autoincrement())
  name    String
  members Member[]

  @@schema("club")
}

model Member {
  id     String  @id @default(uuid()) @db.Uuid
  name   String
  badges Badge[]

  @@schema("public")
}
`;

describe.skipIf(!(await databaseIsReachable("postgresql")))(
  "many-to-many counts across PostgreSQL schemas",
  () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase("multiSchema", { provider: "postgresql", schemaText: multiSchema });
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    it("counts through the join table in model A's schema, by uuid and by int", async () => {
      const gold = await db.client.badge.create({ data: { name: "gold" } });
      await db.client.badge.create({ data: { name: "none" } });
      await db.client.member.create({ data: { name: "Ann", badges: { connect: [{ id: gold.id }] } } });
      await db.client.member.create({ data: { name: "Bob", badges: { connect: [{ id: gold.id }] } } });
      await db.client.member.create({ data: { name: "Cy" } });
      const badges = await db.dataSource.list(db.model("Badge"), everything);
      expect(pick(badges.rows, ["name", "members"])).toEqual([
        { name: "gold", members: 2 },
        { name: "none", members: 0 },
      ]);
      const members = await db.dataSource.list(db.model("Member"), {
        ...everything,
        sort: [{ path: ["name"], direction: "asc" }],
      });
      expect(pick(members.rows, ["name", "badges"])).toEqual([
        { name: "Ann", badges: 1 },
        { name: "Bob", badges: 1 },
        { name: "Cy", badges: 0 },
      ]);
    });
  },
);
