import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("databaseIsReachable", () => {
  it("answers false when nothing listens where the server should be, and true for SQLite", async () => {
    vi.stubEnv("ATRIUM_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:1/postgres");
    vi.stubEnv("ATRIUM_TEST_MYSQL_URL", "mysql://root@127.0.0.1:1/mysql");
    // The admin URLs are read when the module loads.
    vi.resetModules();
    const { databaseIsReachable } = await import("./databaseIsReachable.js");
    expect(await databaseIsReachable("postgresql")).toBe(false);
    expect(await databaseIsReachable("mysql")).toBe(false);
    expect(await databaseIsReachable("sqlite")).toBe(true);
  });
});
