export * from "./dataSource.js";
export * from "./errors.js";
export * from "./listQuery.js";
export * from "./metadata.js";
