export type { AtriumAppOptions, ErrorLogger } from "./appOptions.js";
export { defaultOptions } from "./appOptions.js";
export { createAtriumApp } from "./createAtriumApp.js";
export { entryJson, historyRoutes, maxHistoryLimit } from "./history/historyRoutes.js";
export type { HistoryStore } from "./history/historyStore.js";
export { type StoreAuditSinkOptions, storeAuditSink, systemActor } from "./history/storeAuditSink.js";
