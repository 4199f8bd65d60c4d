export { createSystemStore, type SystemStoreClient } from "./createSystemStore.js";
export { ensureSystemTables } from "./ensureSystemTables.js";
export { createSqlRunner, type SqlExecutor, type SqlRunner } from "./sqlRunner.js";
export { systemTableNames, systemTablesSql } from "./systemTablesSql.js";
