/**
 * Schema metadata cached on disk between starts. Reading a 300-model schema with Prisma's parser (compiling
 * its WebAssembly module, parsing, serialising the datamodel) and building the metadata costs about half a
 * second of a server's start; reading back the JSON it produced last time costs a few milliseconds.
 *
 * The key is a hash of the schema files (names and text) and of the code that builds the metadata, so that
 * editing the schema or upgrading Atrium makes a new entry instead of serving stale metadata. A cache file
 * that cannot be read or parsed is ignored and rewritten; a folder that cannot be written only costs the cache.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SchemaMeta } from "@atrium/core";
import { loadSchemaMetaFromFiles, readSchemaFiles } from "./loadSchemaMeta.js";
import type { SchemaFile } from "./readDatamodel.js";

export interface SchemaMetaCacheOptions {
  /** Folder of the cache files. @default packages/prisma/.generated/meta (beside the generated clients) */
  folder?: string;
  /**
   * Anything else the metadata depends on; a different value is a different cache entry.
   * @default this package's version and a hash of the code that builds the metadata
   */
  builderVersion?: string;
}

/** What a load did, for tests and start-up logs. */
export type CacheOutcome = "hit" | "miss" | "corrupt";

export interface CachedSchemaMeta {
  schema: SchemaMeta;
  outcome: CacheOutcome;
  /** The cache file of this schema. */
  file: string;
}

const thisFolder = dirname(fileURLToPath(import.meta.url));
export const defaultSchemaMetaCacheFolder = resolve(thisFolder, "../../.generated/meta");

/** Cache format: bumped when the file's layout changes. */
const format = 1;

/** The schema's metadata from the cache when the schema and Atrium are unchanged, else built and cached. */
export async function loadSchemaMetaCached(
  schemaPath: string,
  options: SchemaMetaCacheOptions = {},
): Promise<CachedSchemaMeta> {
  const files = await readSchemaFiles(schemaPath);
  const { key, file } = await cacheEntryOf(files, options);
  const cached = await readCacheFile(file, key);
  if (cached !== "missing" && cached !== "corrupt") return { schema: cached, outcome: "hit", file };
  const schema = loadSchemaMetaFromFiles(files);
  await writeCacheFile(file, key, schema);
  return { schema, outcome: cached === "missing" ? "miss" : "corrupt", file };
}

/** The cache file a schema's metadata is kept in (whether or not it exists yet). */
export async function schemaMetaCacheFile(
  schemaPath: string,
  options: SchemaMetaCacheOptions = {},
): Promise<string> {
  return (await cacheEntryOf(await readSchemaFiles(schemaPath), options)).file;
}

async function cacheEntryOf(
  files: SchemaFile[],
  options: SchemaMetaCacheOptions,
): Promise<{ key: string; file: string }> {
  const key = schemaMetaCacheKey(files, options.builderVersion ?? (await defaultBuilderVersion()));
  return { key, file: join(options.folder ?? defaultSchemaMetaCacheFolder, `${key}.json`) };
}

export function schemaMetaCacheKey(files: SchemaFile[], builderVersion: string): string {
  const hash = createHash("sha256").update(`atrium-schema-meta ${format} ${builderVersion}\n`);
  for (const [name, text] of files) hash.update(`${name}\0${text}\0`);
  return hash.digest("hex").slice(0, 32);
}

interface CacheFile {
  key: string;
  schema: SchemaMeta;
}

async function readCacheFile(file: string, key: string): Promise<SchemaMeta | "missing" | "corrupt"> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return "missing";
  }
  try {
    const parsed = JSON.parse(text) as Partial<CacheFile>;
    // The key inside guards against a file renamed or copied over another's name.
    if (parsed.key !== key || !isSchemaMeta(parsed.schema)) return "corrupt";
    return parsed.schema;
  } catch {
    return "corrupt";
  }
}

function isSchemaMeta(value: unknown): value is SchemaMeta {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<SchemaMeta>;
  return (
    typeof candidate.provider === "string" &&
    Array.isArray(candidate.models) &&
    Array.isArray(candidate.enums)
  );
}

/** Written to a scratch file and renamed into place: a reader never sees half a file. */
async function writeCacheFile(file: string, key: string, schema: SchemaMeta): Promise<void> {
  const scratch = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(scratch, JSON.stringify({ key, schema } satisfies CacheFile));
    await rename(scratch, file);
  } catch {
    // A read-only install still starts; it only builds the metadata every time.
    await rm(scratch, { force: true }).catch(() => undefined);
  }
}

let builderVersion: Promise<string> | undefined;

/**
 * This package's version plus a hash of the files that build the metadata (this folder): a release changes
 * the version, and a change to the code between releases (a checkout, a patch) changes the hash.
 */
function defaultBuilderVersion(): Promise<string> {
  builderVersion ??= (async () => {
    // Neither may stop a start: a bundled build without them still gets a key, only a coarser one.
    const packageText = await readFile(resolve(thisFolder, "../../package.json"), "utf8").catch(() => "{}");
    const { version = "0" } = JSON.parse(packageText) as { version?: string };
    const hash = createHash("sha256");
    const names = (await readdir(thisFolder).catch(() => []))
      .filter((name) => !name.includes(".test."))
      .sort();
    for (const name of names) {
      if (!/\.(ts|js|mjs)$/.test(name)) continue;
      hash.update(`${name}\0`).update(await readFile(join(thisFolder, name)));
    }
    return `${version}+${hash.digest("hex").slice(0, 16)}`;
  })();
  return builderVersion;
}
