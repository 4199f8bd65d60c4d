import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { FieldAccess } from "@atrium/auth";
import type { SearchMode } from "@atrium/core";
import type { RouteSet } from "@atrium/server";
import type { AtriumConfig, PageConfig, SlotConfig, WidgetConfig } from "./defineConfig.js";

/** A configuration with every path made absolute and every default applied. */
export interface ResolvedConfig {
  /** The config file, absolute; undefined for a config given in code. */
  configPath?: string;
  /** The config file and the project's files it imports, as loaded (what `atrium dev` watches). */
  configFiles?: string[];
  /** The folder relative paths are resolved from: the config file's. */
  rootDir: string;
  schemaPath: string;
  databaseUrl: string;
  port: number;
  host: string;
  statementTimeoutMs: number;
  unindexedSortLimit: number;
  maxExactCount: number;
  countBudgetMs: number;
  searchMode: SearchMode;
  /** As written; checked against the schema by startServer (checkFieldsConfig), which needs the schema loaded. */
  fields?: Record<string, FieldAccess>;
  /** As written; checked against the schema by startServer (checkModelsConfig). */
  models?: unknown;
  /** As written; checked against the schema by startServer and `atrium seed` (readSeedPlan). */
  seed?: unknown;
  /** Components are absolute module paths. */
  pages: PageConfig[];
  widgets: WidgetConfig[];
  slots: SlotConfig[];
  routes: RouteSet[];
  outDir: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const knownKeys = new Set([
  "schema",
  "databaseUrl",
  "port",
  "host",
  "statementTimeoutMs",
  "unindexedSortLimit",
  "maxExactCount",
  "countBudgetMs",
  "search",
  "fields",
  "models",
  "seed",
  "pages",
  "widgets",
  "slots",
  "routes",
  "outDir",
]);

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
    throw new ConfigError("'databaseUrl' is required (or set DATABASE_URL in .env), e.g. file:./dev.db");
  }

  const port = config.port ?? (env.PORT ? Number(env.PORT) : 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`'port' must be a whole number from 0 to 65535, got ${String(port)}.`);
  }
  const statementTimeoutMs = config.statementTimeoutMs ?? 5000;
  if (!Number.isInteger(statementTimeoutMs) || statementTimeoutMs < 0) {
    throw new ConfigError(
      `'statementTimeoutMs' must be a whole number of milliseconds, 0 for no limit, got ${String(statementTimeoutMs)}.`,
    );
  }
  const unindexedSortLimit = config.unindexedSortLimit ?? 100_000;
  if (!Number.isSafeInteger(unindexedSortLimit) || unindexedSortLimit < 0) {
    throw new ConfigError(
      `'unindexedSortLimit' must be a whole number of rows, 0 for no limit, got ${String(unindexedSortLimit)}.`,
    );
  }
  const maxExactCount = config.maxExactCount ?? 100_000;
  if (!Number.isSafeInteger(maxExactCount) || maxExactCount < 1) {
    throw new ConfigError(
      `'maxExactCount' must be a whole number of rows, at least 1, got ${String(maxExactCount)}.`,
    );
  }
  const countBudgetMs = config.countBudgetMs ?? 1000;
  if (!Number.isInteger(countBudgetMs) || countBudgetMs < 0) {
    throw new ConfigError(
      `'countBudgetMs' must be a whole number of milliseconds, 0 for no limit, got ${String(countBudgetMs)}.`,
    );
  }
  const searchMode = resolveSearchMode(config.search);
  const resolved: ResolvedConfig = {
    rootDir: baseDir,
    schemaPath,
    databaseUrl: resolveSqliteUrl(databaseUrl, baseDir),
    port,
    host: config.host ?? "127.0.0.1",
    statementTimeoutMs,
    unindexedSortLimit,
    maxExactCount,
    countBudgetMs,
    searchMode,
    pages: listOf(config.pages, "pages").map((page, index) => ({
      ...page,
      component: componentPath(page.component, `pages[${index}]`, baseDir),
    })),
    widgets: listOf(config.widgets, "widgets").map((widget, index) => ({
      ...widget,
      component: componentPath(widget.component, `widgets[${index}]`, baseDir),
    })),
    slots: listOf(config.slots, "slots").map((slot, index) => ({
      ...slot,
      component: componentPath(slot.component, `slots[${index}]`, baseDir),
    })),
    routes: listOf(config.routes, "routes"),
    outDir: resolve(baseDir, config.outDir ?? ".atrium/build"),
  };
  if (config.fields !== undefined) resolved.fields = config.fields as Record<string, FieldAccess>;
  if (config.models !== undefined) resolved.models = config.models;
  if (config.seed !== undefined) resolved.seed = config.seed;
  return resolved;
}

const searchModes: readonly SearchMode[] = ["contains", "prefix", "auto"];

function resolveSearchMode(search: unknown): SearchMode {
  if (search === undefined) return "auto";
  const mode = (search as { mode?: unknown } | null)?.mode ?? "auto";
  const known = typeof search === "object" && search !== null && !Array.isArray(search);
  const extra = known ? Object.keys(search).filter((key) => key !== "mode") : [];
  if (!known || extra.length > 0 || !searchModes.includes(mode as SearchMode)) {
    throw new ConfigError(
      `'search' must be { mode: "contains" | "prefix" | "auto" }, got ${JSON.stringify(search)}.`,
    );
  }
  return mode as SearchMode;
}

function listOf<T>(value: T[] | undefined, key: string): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ConfigError(`'${key}' must be a list.`);
  return value;
}

/** A component is a module of the project, named relative to the config file; it must exist. */
function componentPath(value: unknown, where: string, baseDir: string): string {
  if (typeof value !== "string" || value === "") {
    throw new ConfigError(
      `${where}.component must be the path of a module that default-exports a React component, e.g. "./admin/SalesOverview.tsx".`,
    );
  }
  const path = isAbsolute(value) ? value : resolve(baseDir, value);
  if (!existsSync(path)) throw new ConfigError(`${where}.component points at a missing file: ${path}`);
  return path;
}

/** `file:./dev.db` means "next to the config file", not "wherever the process was started". */
function resolveSqliteUrl(url: string, baseDir: string): string {
  if (!url.startsWith("file:")) return url;
  const path = url.slice("file:".length);
  return isAbsolute(path) ? url : `file:${resolve(baseDir, path)}`;
}
