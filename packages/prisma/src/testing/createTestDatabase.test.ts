import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery, type ServerProvider } from "./adminQuery.js";
import { createTestDatabase } from "./createTestDatabase.js";
import { databaseIsReachable } from "./databaseIsReachable.js";

const listed: Record<ServerProvider, string> = {
  postgresql: "SELECT datname AS name FROM pg_database WHERE datname = $1",
  mysql: "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
};

for (const provider of ["postgresql", "mysql"] as const) {
  const reachable = await databaseIsReachable(provider);
  describe.skipIf(!reachable)(`createTestDatabase on ${provider}`, () => {
    it("creates a database named after the prefix and drops it", async () => {
      const database = await createTestDatabase(provider, { prefix: "atrium_helper" });
      const { name } = database;
      expect(name).toMatch(/^atrium_helper_[0-9a-f]{16}$/);
      expect(new URL(database.url).pathname).toBe(`/${name}`);
      expect(await adminQuery(provider, listed[provider], { values: [name] })).toHaveLength(1);
      await database.drop();
      expect(await adminQuery(provider, listed[provider], { values: [name] })).toHaveLength(0);
    });
  });
}

describe("createTestDatabase on sqlite", () => {
  let folder = "";
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "atrium-helper-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("is a file in the given folder, and asks for the folder when there is none", async () => {
    expect((await createTestDatabase("sqlite", { prefix: "x", folder })).url).toBe(
      `file:${join(folder, "test.db")}`,
    );
    await expect(createTestDatabase("sqlite", { prefix: "x" })).rejects.toThrow(/pass \{ folder \}/);
  });
});
