export type {
  ActionContext,
  ActionHandler,
  ActionPermission,
  ActionResult,
  ModelActionsMap,
  ServerAction,
} from "./actions/actionTypes.js";
export { actionPermissions } from "./actions/actionTypes.js";
export type { AtriumAppOptions, ErrorLogger } from "./appOptions.js";
export { auditRedactionFor, defaultOptions } from "./appOptions.js";
export type { ApiTokenInfo } from "./auth/apiTokenRoutes.js";
export { authGuard } from "./auth/authGuard.js";
export type { AuthOptions } from "./auth/authOptions.js";
export { publicPaths } from "./auth/authOptions.js";
export { accessOf, createAccess, type RequestAccess } from "./auth/requestAccess.js";
export { buildSchemaView, type SchemaView } from "./auth/schemaView.js";
export {
  contentSecurityPolicy,
  contentSecurityPolicyFor,
  inlineScriptHashes,
  securityHeaders,
} from "./auth/securityHeaders.js";
export { createAtriumApp } from "./createAtriumApp.js";
export type {
  AtriumContext,
  AtriumEnv,
  AtriumRouteContext,
  RouteBuilder,
  RouteDefinition,
  RouteHandler,
  RouteMethod,
  RouteSet,
} from "./custom/defineRoutes.js";
export { defineRoutes, routeSetPermissions } from "./custom/defineRoutes.js";
export type { ExchangeLimits, ExchangeScope } from "./exchange/exchangeScope.js";
export { type ExportFile, exportRecords } from "./exchange/exportRecords.js";
export type { RowError } from "./exchange/importDraft.js";
export { type ImportFormat, importFormats } from "./exchange/importRecords.js";
export {
  type CommitAnswer,
  type DryRunAnswer,
  type ImportProgress,
  type ImportRequest,
  runImport,
} from "./exchange/runImport.js";
export { maxHistoryLimit } from "./history/historyFilter.js";
export { entryJson, historyRoutes } from "./history/historyRoutes.js";
export type { HistoryStore } from "./history/historyStore.js";
export { type StoreAuditSinkOptions, storeAuditSink, systemActor } from "./history/storeAuditSink.js";
export { basePathMetaName, indexHtmlFor } from "./middleware/indexHtml.js";
export {
  type FetchApp,
  type FetchHandler,
  type MountOptions,
  mountAtrium,
  toFetchHandler,
  toNodeListener,
} from "./mount/mountAtrium.js";
export type { ListAnswer, RecordActions } from "./routes/recordActions.js";
