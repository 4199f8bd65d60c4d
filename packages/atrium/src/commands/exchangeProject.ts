/**
 * What `atrium export` and `atrium import` run with: the project's schema as its config shapes it (checked as at
 * start-up), its database, and the system as a superuser who sees what the config lets superusers see (fields
 * configured hidden and secret-named ones stay out of files, as in the admin), writing audited as "system".
 */
import type { Principal } from "@atrium/auth";
import { closestMatch, type ModelMeta } from "@atrium/core";
import { loadSchemaMetaCached } from "@atrium/prisma";
import {
  auditRedactionFor,
  buildSchemaView,
  createAccess,
  defaultOptions,
  type ExchangeScope,
} from "@atrium/server";
import { checkFieldsConfig } from "../config/checkFieldsConfig.js";
import { checkModelsConfig } from "../config/checkModelsConfig.js";
import { formatChecks } from "../config/configCheck.js";
import { ConfigError, type ResolvedConfig } from "../config/resolveConfig.js";
import { UsageError } from "./command.js";
import { openProjectDatabase } from "./projectDatabase.js";

export interface ExchangeProject {
  scope: ExchangeScope;
  close(): Promise<void>;
}

const system: Principal = {
  userId: "system",
  email: "system",
  isSuperuser: true,
  isActive: true,
  roles: [],
  permissions: new Set(),
};

export async function openExchangeProject(config: ResolvedConfig): Promise<ExchangeProject> {
  const { schema: asWritten } = await loadSchemaMetaCached(config.schemaPath);
  const fieldRules = checkFieldsConfig(config.fields, asWritten);
  const modelOptions = checkModelsConfig(config.models, asWritten);
  const problems = [...fieldRules.checks, ...modelOptions.checks];
  if (problems.length > 0) throw new ConfigError(formatChecks(problems));
  const schema = modelOptions.schema;
  const database = await openProjectDatabase({
    schemaPath: config.schemaPath,
    databaseUrl: config.databaseUrl,
    schema,
    statementTimeoutMs: config.statementTimeoutMs,
    unindexedSortLimit: config.unindexedSortLimit,
    searchMode: config.searchMode,
    redact: auditRedactionFor(schema, fieldRules.visibility),
  });
  const { dataSource, audit } = database;
  try {
    const access = createAccess(system, buildSchemaView(schema, system, fieldRules.visibility));
    const scope: ExchangeScope = {
      schema,
      dataSource,
      access,
      context: { actor: null, audit, viewSchema: access.view.schema },
      limits: {
        maxIds: defaultOptions.maxBulkIds,
        // A file on the operator's own disk: only the transaction's time bounds it.
        maxRows: Number.MAX_SAFE_INTEGER,
        commitTimeoutMs: 60 * 60 * 1000,
      },
    };
    return { scope, close: database.close };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The URL key of the model a command names by its name or key, or a usage error with a suggestion. */
export function modelKeyOf(models: readonly ModelMeta[], name: string): string {
  const wanted = name.toLowerCase();
  const model = models.find(
    (candidate) =>
      !candidate.admin?.hidden && (candidate.name.toLowerCase() === wanted || candidate.key === wanted),
  );
  if (model) return model.key;
  const suggestion = closestMatch(
    name,
    models.filter((candidate) => !candidate.admin?.hidden).map((candidate) => candidate.name),
  );
  throw new UsageError(
    `the schema has no model '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ""}`,
  );
}
