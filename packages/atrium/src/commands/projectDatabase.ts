/**
 * The project's database as the commands that write to it open it (`generate`, `seed`, `import`): a data source
 * over the schema they work with, Atrium's own tables in place, and writes audited as the system.
 */
import type { AuditSink, DataSource, SchemaMeta, SearchMode } from "@atrium/core";
import {
  applySqliteSettings,
  createClientForSchema,
  createPrismaDataSource,
  createSystemStore,
  ensureSystemTables,
  type SystemStoreClient,
} from "@atrium/prisma";
import { storeAuditSink } from "@atrium/server";

export interface ProjectDatabaseOptions {
  schemaPath: string;
  databaseUrl: string;
  /** The schema the writes go through: as written, or with the config's model options applied. */
  schema: SchemaMeta;
  statementTimeoutMs?: number;
  unindexedSortLimit?: number;
  searchMode?: SearchMode;
  /** Fields whose values the audit never keeps. @default secret-named fields (storeAuditSink's default) */
  redact?: (model: string, field: string) => boolean;
}

export interface ProjectDatabase {
  dataSource: DataSource;
  audit: AuditSink;
  close(): Promise<void>;
}

/** Closes what it opened when preparing the database fails. */
export async function openProjectDatabase(options: ProjectDatabaseOptions): Promise<ProjectDatabase> {
  const { schema } = options;
  const client = await createClientForSchema(
    options.schemaPath,
    options.databaseUrl,
    options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs },
  );
  const dataSource = createPrismaDataSource({
    client,
    schema,
    ...(options.unindexedSortLimit === undefined ? {} : { unindexedSortLimit: options.unindexedSortLimit }),
    ...(options.searchMode === undefined ? {} : { searchMode: options.searchMode }),
  });
  try {
    if (schema.provider === "sqlite") await applySqliteSettings(client as never);
    // Every generated client has raw SQL and interactive transactions; GenericPrismaClient does not list them.
    const systemClient = client as unknown as SystemStoreClient;
    await ensureSystemTables(systemClient, schema.provider);
    const store = createSystemStore(systemClient, schema.provider);
    const audit = storeAuditSink(store, options.redact ? { redact: options.redact } : {});
    return { dataSource, audit, close: () => dataSource.close() };
  } catch (error) {
    await dataSource.close();
    throw error;
  }
}
