/**
 * Test helpers for other packages' suites, imported as `@atrium/prisma/testing` (biome.json refuses that
 * import outside test files): databases of a test's own on SQLite, PostgreSQL and MySQL/MariaDB.
 */

export * from "../dataSource/testing/openTestDatabase.js";
export * from "./adminQuery.js";
export * from "./createTestDatabase.js";
export * from "./databaseIsReachable.js";
export * from "./withProvider.js";
