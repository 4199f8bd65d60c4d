import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateClient } from "../cli/generateClient.js";
import { prismaSchemaWasm } from "../schema/prismaSchemaWasm.js";
import { compiledClientFile, compileGeneratedClient } from "./compileGeneratedClient.js";
import { type AdapterOptions, createAdapter } from "./createAdapter.js";

/** The part of a generated Prisma client that Atrium uses; every generated client has it. */
export interface GenericPrismaClient {
  $connect(): Promise<void>;
  $disconnect(): Promise<void>;
  $transaction: (...args: never[]) => Promise<unknown>;
  [delegate: string]: unknown;
}

type PrismaClientConstructor = new (options: { adapter: unknown }) => GenericPrismaClient;

/**
 * Generated clients live inside this package so that their `@prisma/client/runtime` imports resolve to the
 * workspace's node_modules, wherever the user's schema is.
 */
const generatedRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../.generated/clients");

/**
 * Turns a user's schema into one Atrium can generate a client from: their generator blocks are replaced by
 * ours (output into Atrium's own folder), and datasource URLs are dropped because Prisma 7 refuses them in the
 * schema (the URL reaches the client through the driver adapter instead). Their preview features stay, those
 * this Prisma still knows: without `postgresqlExtensions`, a datasource's `extensions = [...]` is an error.
 */
export function schemaForAtriumClient(schemaText: string): string {
  const generators = [...schemaText.matchAll(/^\s*generator\s+\w+\s*\{[^}]*\}/gm)].map((match) => match[0]);
  const withoutGenerators = schemaText.replace(/^\s*generator\s+\w+\s*\{[^}]*\}/gm, "");
  const withoutUrls = withoutGenerators.replace(/(datasource\s+\w+\s*\{[^}]*\})/gm, (block) =>
    block.replace(/^\s*(url|directUrl|shadowDatabaseUrl)\s*=.*$/gm, ""),
  );
  const features = previewFeaturesOf(generators);
  const featureLine = features.length > 0 ? `\n  previewFeatures = ${JSON.stringify(features)}` : "";
  return `generator atrium {\n  provider = "prisma-client"\n  output   = "./client"${featureLine}\n}\n${withoutUrls}`;
}

/** The preview features the user's generators enable and this Prisma knows (GA'd ones only warn, or fail). */
function previewFeaturesOf(generators: string[]): string[] {
  const named = generators.flatMap((block) => {
    const list = /previewFeatures\s*=\s*\[([^\]]*)\]/.exec(block)?.[1] ?? "";
    return [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? "");
  });
  // Most schemas name none: then Prisma's parser is not loaded at all (see prismaSchemaWasm.ts).
  if (named.length === 0) return [];
  const known = new Set(JSON.parse(prismaSchemaWasm().preview_features()) as string[]);
  return [...new Set(named)].filter((feature) => known.has(feature)).sort();
}

/**
 * Whether this file runs as TypeScript source (tsx, vitest), whose loader imports the generated client's
 * TypeScript as it is (and caches its transpilation); compiled JavaScript imports the compiled client instead.
 */
const runsFromSource = import.meta.url.endsWith(".ts");

/** How the client connects, and what a caller hears about the one-off work of a first start. */
export interface ClientOptions extends AdapterOptions {
  /** Called once the schema's client was generated (first start of a schema text only), with its duration. */
  onGenerated?: (milliseconds: number) => void;
}

/**
 * Generates (once per distinct schema text, cached by hash) and imports a Prisma client for a schema file.
 * Generation runs offline; see ../cli/generateClient.ts.
 */
export async function loadClientClass(
  schemaPath: string,
  options: ClientOptions = {},
): Promise<PrismaClientConstructor> {
  const schemaText = schemaForAtriumClient(await readFile(schemaPath, "utf8"));
  const folder = generatedClientFolder(schemaText);
  const entry = join(folder, "client", runsFromSource ? "client.ts" : compiledClientFile);
  if (!existsSync(entry)) {
    const started = performance.now();
    // A client generated before clients were also compiled only needs compiling.
    if (existsSync(join(folder, "client", "client.ts"))) await compileGeneratedClient(join(folder, "client"));
    else await generateInto(folder, schemaText);
    options.onGenerated?.(performance.now() - started);
  }
  const module = (await import(pathToFileURL(entry).href)) as { PrismaClient: PrismaClientConstructor };
  return module.PrismaClient;
}

/** Where the client of a schema (as schemaForAtriumClient gives it) is generated. */
export function generatedClientFolder(atriumSchemaText: string): string {
  return join(generatedRoot, createHash("sha256").update(atriumSchemaText).digest("hex").slice(0, 16));
}

/**
 * Generates into a scratch folder and renames it into place, so that two processes (test workers, servers
 * behind a load balancer) starting on a cold cache never import a half-written client.
 */
async function generateInto(folder: string, schemaText: string): Promise<void> {
  const scratch = `${folder}.${process.pid}.${Date.now()}`;
  await mkdir(scratch, { recursive: true });
  const generatedSchema = join(scratch, "schema.prisma");
  await writeFile(generatedSchema, schemaText);
  await generateClient(generatedSchema);
  await compileGeneratedClient(join(scratch, "client"));
  try {
    await rename(scratch, folder);
  } catch (error) {
    // Another process won the race: its client is the same schema, so ours is not needed.
    await rm(scratch, { recursive: true, force: true });
    if (!existsSync(folder)) throw error;
  }
}

/** A connected Prisma client for a schema file and a database URL. */
export async function createClientForSchema(
  schemaPath: string,
  databaseUrl: string,
  options: ClientOptions = {},
): Promise<GenericPrismaClient> {
  const PrismaClient = await loadClientClass(schemaPath, options);
  const adapter = await createAdapter(databaseUrl, { statementTimeoutMs: options.statementTimeoutMs });
  const client = new PrismaClient({ adapter });
  await client.$connect();
  return client;
}
