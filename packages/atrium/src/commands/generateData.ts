/**
 * `atrium generate <Model>... | --all`: realistic records written into the project's database, as the system
 * (audited when its history is on, which it always is for Atrium's own tables), with a progress line.
 */
import type { FieldVisibilityConfig } from "@atrium/auth";
import { type AuditSink, closestMatch, type DataSource, type ModelMeta, type SchemaMeta } from "@atrium/core";
import { type GenerateProgress, type GenerateResult, generateRecords, orderForAll } from "@atrium/generate";
import { loadSchemaMetaCached } from "@atrium/prisma";
import { auditRedactionFor } from "@atrium/server";
import { UsageError } from "./command.js";
import { openProjectDatabase, type ProjectDatabaseOptions } from "./projectDatabase.js";

export interface GenerateDataInput {
  schemaPath: string;
  databaseUrl: string;
  /** Model names or URL keys, or "all" for every model that can be generated. */
  models: string[] | "all";
  count: number;
  seed: number;
  /** @default 500 */
  batchSize?: number;
  /** Receives each progress update and each notice. */
  report: (event: GenerateProgress | { notice: string }) => void;
  /** The config's field rules: a field configured "writeOnly" keeps no value in the audit. @default none */
  fields?: FieldVisibilityConfig;
}

export async function generateData(input: GenerateDataInput): Promise<GenerateResult> {
  const { schema } = await loadSchemaMetaCached(input.schemaPath);
  const targets = resolveTargets(schema, input.models, input.report);
  return withProjectData(
    input.schemaPath,
    input.databaseUrl,
    ({ dataSource, audit }) =>
      generateRecords({
        schema,
        dataSource,
        targets: targets.map((model) => ({ model, count: input.count })),
        seed: input.seed,
        context: { actor: null, audit },
        ...(input.batchSize ? { batchSize: input.batchSize } : {}),
        onProgress: input.report,
      }),
    { redact: auditRedactionFor(schema, input.fields ?? {}) },
  );
}

/**
 * Runs `work` on the project's database (openProjectDatabase), the schema as written; closes the connection
 * however it ends.
 */
export async function withProjectData<T>(
  schemaPath: string,
  databaseUrl: string,
  work: (project: { schema: SchemaMeta; dataSource: DataSource; audit: AuditSink }) => Promise<T>,
  options: Pick<ProjectDatabaseOptions, "redact"> = {},
): Promise<T> {
  const { schema } = await loadSchemaMetaCached(schemaPath);
  const database = await openProjectDatabase({ schemaPath, databaseUrl, schema, ...options });
  try {
    return await work({ schema, dataSource: database.dataSource, audit: database.audit });
  } finally {
    await database.close();
  }
}

function resolveTargets(
  schema: SchemaMeta,
  names: string[] | "all",
  report: GenerateDataInput["report"],
): ModelMeta[] {
  if (names === "all") {
    const { models, skipped } = orderForAll(schema);
    for (const { reason } of skipped) report({ notice: `skipped: ${reason}` });
    return models;
  }
  return names.map((name) => {
    const wanted = name.toLowerCase();
    const model = schema.models.find(
      (candidate) => candidate.name.toLowerCase() === wanted || candidate.key === wanted,
    );
    if (model) return model;
    const suggestion = closestMatch(
      name,
      schema.models.map((candidate) => candidate.name),
    );
    throw new UsageError(
      `the schema has no model '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ""}`,
    );
  });
}
