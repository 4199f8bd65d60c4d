/**
 * Reads a Prisma schema offline with Prisma's own parser compiled to WebAssembly.
 *
 * `get_datamodel` rather than `get_dmmf`: the full DMMF also builds the query schema, which for a 300-model
 * schema takes seconds and tens of megabytes; the datamodel alone is what the admin needs.
 */
import { AtriumError, type DatabaseProvider } from "@atrium/core";
import { prismaSchemaWasm } from "./prismaSchemaWasm.js";

/** A schema file as Prisma's tools take it: `[fileName, text]`. */
export type SchemaFile = [fileName: string, text: string];

/** Prisma's default value as the datamodel encodes it: a function call or a literal. */
export type DmmfDefault = { name: string; args: unknown[] } | string | number | boolean | unknown[];

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isReadOnly: boolean;
  hasDefaultValue: boolean;
  default?: DmmfDefault;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
  documentation?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  /** `@@schema("...")`, under the multiSchema feature. */
  schema?: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
  uniqueIndexes: { name: string | null; fields: string[] }[];
  documentation?: string;
}

export interface DmmfEnum {
  name: string;
  values: { name: string; dbName: string | null }[];
  documentation?: string;
}

/** One index as `get_datamodel` lists it (`@@index`, `@unique`/`@@unique`, the primary key, `@@fulltext`). */
export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  name?: string | null;
  dbName?: string | null;
  /** `type:` on PostgreSQL (`Hash`, `Gin`, `Gist`, `SpGist`, `Brin`); absent for a B-tree. */
  algorithm?: string | null;
  fields: {
    name: string;
    sortOrder?: "asc" | "desc" | null;
    length?: number | null;
    /** `ops:` on PostgreSQL, e.g. `text_pattern_ops` or `gin_trgm_ops`. */
    operatorClass?: string | null;
  }[];
}

export interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  /** Every index of every model; absent in datamodels written by hand (tests). */
  indexes?: DmmfIndex[];
}

export interface ReadDatamodelResult {
  provider: DatabaseProvider;
  datamodel: Datamodel;
}

const providers: readonly DatabaseProvider[] = ["sqlite", "postgresql", "mysql"];

/** Parses and validates the schema; throws AtriumError("bad_request") with Prisma's message when it is invalid. */
export function readDatamodel(files: SchemaFile[]): ReadDatamodelResult {
  const params = JSON.stringify({ prismaSchema: files });
  const datamodel = callPrisma(() => JSON.parse(prismaSchemaWasm().get_datamodel(params)) as Datamodel);
  const provider = readProvider(params);
  return { provider, datamodel };
}

function readProvider(params: string): DatabaseProvider {
  const config = callPrisma(
    () =>
      JSON.parse(
        prismaSchemaWasm().get_config(
          JSON.stringify({
            ...JSON.parse(params),
            datasourceOverrides: {},
            ignoreEnvVarErrors: true,
            env: {},
          }),
        ),
      ) as { config: { datasources: { activeProvider: string }[] } },
  );
  const active = config.config.datasources[0]?.activeProvider;
  if (!active) {
    throw new AtriumError(
      "bad_request",
      "The Prisma schema has no datasource block; add one with a provider",
      {
        fields: { schema: "missing datasource block" },
      },
    );
  }
  const provider = providers.find((candidate) => candidate === active);
  if (!provider) {
    throw new AtriumError(
      "bad_request",
      `Datasource provider "${active}" is not supported; use one of ${providers.join(", ")}`,
      { fields: { schema: `unsupported provider "${active}"` } },
    );
  }
  return provider;
}

function callPrisma<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    const message = prismaMessage(error);
    throw new AtriumError("bad_request", `Invalid Prisma schema: ${message}`, {
      fields: { schema: firstError(message) },
    });
  }
}

/** Prisma's errors are JSON with ANSI colours meant for a terminal; keep the plain message. */
function prismaMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  let message = raw;
  try {
    const parsed = JSON.parse(raw) as { message?: unknown };
    if (typeof parsed.message === "string") message = parsed.message;
  } catch {
    // Not JSON: the raw text is the message.
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
  return message.replace(/\u001b\[[0-9;]*m/g, "").trim();
}

/** The first error and its location, short enough to show next to a form field. */
function firstError(message: string): string {
  const lines = message.split("\n");
  const first = lines.find((line) => line.startsWith("error:")) ?? lines[0] ?? message;
  const location = lines
    .find((line) => line.trim().startsWith("-->"))
    ?.trim()
    .slice(3)
    .trim();
  const text = first.replace(/^error:\s*/, "").replace(/^Error validating:\s*/, "");
  return location ? `${text} (${location})` : text;
}
