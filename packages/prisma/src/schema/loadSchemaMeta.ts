/** Entry points: schema text or file(s) -> SchemaMeta, offline. */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { AtriumError, type SchemaMeta } from "@atrium/core";
import { buildSchemaMeta } from "./buildSchemaMeta.js";
import { readDatamodel, type SchemaFile } from "./readDatamodel.js";
import { findUnsupportedFields } from "./unsupportedFields.js";

export interface LoadSchemaMetaOptions {
  /** Name shown in Prisma's error messages. @default "schema.prisma" */
  fileName?: string;
}

export function loadSchemaMeta(schemaText: string, options: LoadSchemaMetaOptions = {}): SchemaMeta {
  return loadSchemaMetaFromFiles([[options.fileName ?? "schema.prisma", schemaText]]);
}

/** A schema split over several files (Prisma's multi-file schemas). */
export function loadSchemaMetaFromFiles(files: SchemaFile[]): SchemaMeta {
  const { provider, datamodel } = readDatamodel(files);
  const schema = buildSchemaMeta({ provider, datamodel, unsupportedFields: findUnsupportedFields(files) });
  if (emulatesRelations(files)) schema.relationMode = "prisma";
  return schema;
}

/**
 * Whether the datasource says `relationMode = "prisma"`. Prisma's config reader does not report it; the schema
 * has passed Prisma's validation, so a scan of the datasource block is enough.
 */
function emulatesRelations(files: SchemaFile[]): boolean {
  return files.some(([, text]) =>
    [...text.matchAll(/^\s*datasource\s+\w+\s*\{([\s\S]*?)^\s*\}/gm)].some((block) =>
      /^\s*relationMode\s*=\s*"prisma"/m.test(block[1] ?? ""),
    ),
  );
}

/** Reads a `.prisma` file, or every `.prisma` file under a folder (multi-file schema). */
export async function loadSchemaMetaFromFile(path: string): Promise<SchemaMeta> {
  return loadSchemaMetaFromFiles(await readSchemaFiles(path));
}

export async function readSchemaFiles(path: string): Promise<SchemaFile[]> {
  const info = await stat(path).catch(() => {
    throw new AtriumError(
      "bad_request",
      `Prisma schema not found at ${path}; pass the path of schema.prisma`,
      {
        fields: { schema: `not found: ${path}` },
      },
    );
  });
  if (!info.isDirectory()) return [[basename(path), await readFile(path, "utf8")]];
  const names = (await readdir(path, { recursive: true })).filter((name) => name.endsWith(".prisma")).sort();
  if (names.length === 0) {
    throw new AtriumError("bad_request", `No .prisma files in folder ${path}`, {
      fields: { schema: `no .prisma files in ${path}` },
    });
  }
  return Promise.all(
    names.map(async (name): Promise<SchemaFile> => [name, await readFile(join(path, name), "utf8")]),
  );
}
