export { type GenerateClientOptions, generateClient } from "./cli/generateClient.js";
export { databaseReason } from "./dataSource/databaseFailure.js";
export * from "./dataSource/index.js";
export * from "./fixtures/index.js";
export { diffFromEmpty } from "./push/diffFromEmpty.js";
export { isPushError, PushError } from "./push/pushError.js";
export { type PushSchemaOptions, type PushSchemaResult, pushSchema } from "./push/pushSchema.js";
export { clearStartupCaches } from "./runtime/clearStartupCaches.js";
export {
  type AdapterOptions,
  createAdapter,
  providerOfUrl,
  redactUrl,
} from "./runtime/createAdapter.js";
export {
  type ClientOptions,
  createClientForSchema,
  type GenericPrismaClient,
  loadClientClass,
  schemaForAtriumClient,
} from "./runtime/prepareClient.js";
export { applySqliteSettings, readSqliteSetting, sqliteSettings } from "./runtime/sqliteSettings.js";
export { type BuildSchemaMetaInput, buildSchemaMeta } from "./schema/buildSchemaMeta.js";
export { humanize, kebabCase, pluralize } from "./schema/labels.js";
export {
  type LoadSchemaMetaOptions,
  loadSchemaMeta,
  loadSchemaMetaFromFile,
  loadSchemaMetaFromFiles,
  readSchemaFiles,
} from "./schema/loadSchemaMeta.js";
export { type Datamodel, readDatamodel, type SchemaFile } from "./schema/readDatamodel.js";
export {
  type CachedSchemaMeta,
  type CacheOutcome,
  loadSchemaMetaCached,
  type SchemaMetaCacheOptions,
} from "./schema/schemaMetaCache.js";
export * from "./systemStore/index.js";
