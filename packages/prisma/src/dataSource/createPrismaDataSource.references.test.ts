/**
 * Relations that reference a unique other than the related id, and a cascading self-relation: shapes the shared
 * test schemas do not have.
 */
import { AtriumError } from "@atrium/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "./testing/openTestDatabase.js";

const schemaText = `
generator client {
  provider = "prisma-client"
  output   = "./generated"
}

datasource db {
  provider = "sqlite"
}

model Team {
  id      Int      @id @default(autoincrement())
  code    Int      @unique
  name    String
  members Member[]
}

model Member {
  id       Int    @id @default(autoincrement())
  name     String
  teamCode Int?
  team     Team?  @relation(fields: [teamCode], references: [code])
}

model Node {
  id       Int    @id @default(autoincrement())
  name     String
  parentId Int?
  parent   Node?  @relation("tree", fields: [parentId], references: [id], onDelete: Cascade)
  children Node[] @relation("tree")
}
`;

let db: TestDatabase;
let red = { id: 0, code: 0 };

beforeAll(async () => {
  db = await openTestDatabase("references", { schemaText });
  red = await db.client.team.create({ data: { code: 700, name: "Red" } });
  await db.client.team.create({ data: { code: 800, name: "Blue" } });
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("a relation that references another unique", () => {
  it("connects by the related id and stores the referenced key", async () => {
    const member = db.model("Member");
    const row = await db.dataSource.create(member, {
      scalars: { name: "Mo" },
      connect: { team: { id: red.id } },
      setMany: {},
    });
    expect(row).toMatchObject({ name: "Mo", teamCode: 700, team: { id: red.id, name: "Red" } });
    const listed = await db.dataSource.list(member, {
      page: 1,
      perPage: 10,
      sort: [],
      filters: [{ path: ["team"], op: "eq", value: { id: red.id } }],
    });
    expect(listed.rows.map((entry) => entry.name)).toEqual(["Mo"]);
  });

  it("answers 422 on the field when the related record is missing", async () => {
    const error = await db.dataSource
      .create(db.model("Member"), { scalars: { name: "X" }, connect: { team: { id: 999 } }, setMany: {} })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtriumError);
    expect((error as AtriumError).fields).toEqual({ team: "No team has this id" });
  });

  it("previews the optional key being cleared", async () => {
    const preview = await db.dataSource.deletePreview(db.model("Team"), { id: red.id });
    expect(preview.setNull).toEqual([
      { model: "member", label: "Members", via: "team", count: 1, examples: ["Mo"] },
    ]);
  });
});

describe("a cascading self-relation", () => {
  it("counts every descendant once in the preview and deletes them all", async () => {
    const node = db.model("Node");
    const root = await db.client.node.create({ data: { name: "root" } });
    const child = await db.client.node.create({ data: { name: "child", parentId: root.id } });
    await db.client.node.create({ data: { name: "grandchild", parentId: child.id } });
    await db.client.node.create({ data: { name: "sibling", parentId: root.id } });
    const preview = await db.dataSource.deletePreview(node, { id: root.id });
    expect(preview.cascades).toEqual([
      {
        model: "node",
        label: "Nodes",
        via: "parent",
        count: 3,
        examples: ["child", "grandchild", "sibling"],
      },
    ]);
    await db.dataSource.delete(node, { id: root.id });
    expect(await db.client.node.count()).toBe(0);
  });
});
