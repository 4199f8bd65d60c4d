import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AtriumConfig } from "./atriumConfig.js";

/** A configuration with every path made absolute and every default applied. */
export interface ResolvedConfig {
  schemaPath: string;
  databaseUrl: string;
  port: number;
  host: string;
  /** As written; checked against the schema by startServer (checkFieldsConfig), which needs the schema loaded. */
  fields?: AtriumConfig["fields"];
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const knownKeys = new Set(["schema", "databaseUrl", "port", "host", "fields"]);

/** Reads `atrium.config.{ts,js,mjs,json}`, checks it and resolves its paths against the file's folder. */
export async function loadConfig(
  configPath: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResolvedConfig> {
  const absolutePath = resolve(configPath);
  if (!existsSync(absolutePath)) {
    throw new ConfigError(
      `Config file not found: ${absolutePath}. See docs/getting-started.md for an example.`,
    );
  }
  const raw = absolutePath.endsWith(".json")
    ? JSON.parse(await readFile(absolutePath, "utf8"))
    : ((await import(pathToFileURL(absolutePath).href)) as { default?: unknown }).default;
  return resolveConfig(raw, dirname(absolutePath), env);
}

export function resolveConfig(
  raw: unknown,
  baseDir: string,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigError("The config file must export an object (export default defineConfig({ ... })).");
  }
  const config = raw as Partial<AtriumConfig> & Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!knownKeys.has(key)) {
      throw new ConfigError(`Unknown config key '${key}'; known keys: ${[...knownKeys].join(", ")}.`);
    }
  }
  if (typeof config.schema !== "string" || config.schema === "") {
    throw new ConfigError(
      "'schema' is required: the path of your schema.prisma, relative to the config file.",
    );
  }
  const schemaPath = isAbsolute(config.schema) ? config.schema : resolve(baseDir, config.schema);
  if (!existsSync(schemaPath)) throw new ConfigError(`'schema' points at a missing file: ${schemaPath}`);

  const databaseUrl = config.databaseUrl ?? env.DATABASE_URL;
  if (typeof databaseUrl !== "string" || databaseUrl === "") {
    throw new ConfigError("'databaseUrl' is required (or set DATABASE_URL), e.g. file:./dev.db");
  }

  const port = config.port ?? (env.PORT ? Number(env.PORT) : 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`'port' must be a whole number from 0 to 65535, got ${String(port)}.`);
  }
  const resolved: ResolvedConfig = {
    schemaPath,
    databaseUrl: resolveSqliteUrl(databaseUrl, baseDir),
    port,
    host: config.host ?? "127.0.0.1",
  };
  if (config.fields !== undefined) resolved.fields = config.fields;
  return resolved;
}

/** `file:./dev.db` means "next to the config file", not "wherever the process was started". */
function resolveSqliteUrl(url: string, baseDir: string): string {
  if (!url.startsWith("file:")) return url;
  const path = url.slice("file:".length);
  return isAbsolute(path) ? url : `file:${resolve(baseDir, path)}`;
}
