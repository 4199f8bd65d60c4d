/**
 * What `atrium dumpdata` and `atrium loaddata` run with: the schema as written (every model and field: fixtures
 * copy the database, whatever the admin shows) and a fixture store over the config's database.
 */
import type { FixtureStore, SchemaMeta } from "@atrium/core";
import {
  applySqliteSettings,
  createClientForSchema,
  createFixtureStore,
  loadSchemaMetaCached,
} from "@atrium/prisma";
import type { ResolvedConfig } from "../config/resolveConfig.js";

export interface FixtureProject {
  schema: SchemaMeta;
  store: FixtureStore;
  close(): Promise<void>;
}

export async function openFixtureProject(config: ResolvedConfig): Promise<FixtureProject> {
  const { schema } = await loadSchemaMetaCached(config.schemaPath);
  const client = await createClientForSchema(config.schemaPath, config.databaseUrl, {
    statementTimeoutMs: config.statementTimeoutMs,
  });
  const close = () => client.$disconnect();
  try {
    if (schema.provider === "sqlite") await applySqliteSettings(client as never);
    return { schema, store: createFixtureStore({ client, schema }), close };
  } catch (error) {
    await close();
    throw error;
  }
}
