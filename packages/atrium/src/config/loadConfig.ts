import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { fromSource, sourceCondition, spaDir } from "../paths.js";
import { ConfigError, type ResolvedConfig, resolveConfig } from "./resolveConfig.js";

/** `packages/` of the repository, when Atrium runs from its sources. */
const atriumSourcesDir = resolve(spaDir, "../../..");

export { ConfigError, type ResolvedConfig, resolveConfig } from "./resolveConfig.js";

/** The config file names `atrium` looks for when `--config` is not given, in this order. */
export const defaultConfigNames = [
  "atrium.config.ts",
  "atrium.config.mts",
  "atrium.config.js",
  "atrium.config.json",
];

/** The config file named by `--config`, else the first default name found in the folder. */
export function findConfigPath(given: string | undefined, cwd: string = process.cwd()): string {
  if (given) return resolve(cwd, given);
  const found = defaultConfigNames.map((name) => join(cwd, name)).find((path) => existsSync(path));
  if (!found) {
    throw new ConfigError(
      `No atrium.config.ts in ${cwd}. Run 'npx atrium init' to write one, or pass --config <file>.`,
    );
  }
  return found;
}

export interface LoadConfigOptions {
  /**
   * Loads a JavaScript config through Vite's module runner too, as TypeScript is, so that every call reads the
   * files as they are now and lists the ones imported (`atrium dev`): Node's own `import()` keeps the first
   * version of a module for the life of the process.
   * @default false
   */
  fresh?: boolean;
}

/**
 * Reads `atrium.config.{ts,mts,js,json}`, checks it and resolves its paths against the file's folder. The
 * project's `.env` (next to the config file) is read first, as Prisma's CLI does, without overriding what the
 * environment already sets.
 */
export async function loadConfig(
  configPath: string,
  env: NodeJS.ProcessEnv = process.env,
  options: LoadConfigOptions = {},
): Promise<ResolvedConfig> {
  const absolutePath = resolve(configPath);
  if (!existsSync(absolutePath)) {
    throw new ConfigError(`Config file not found: ${absolutePath}. Run 'npx atrium init' to write one.`);
  }
  const rootDir = dirname(absolutePath);
  if (env === process.env) loadDotEnv(rootDir);
  const { value, imports } = await importConfigFile(absolutePath, options);
  return {
    ...resolveConfig(value, rootDir, env),
    configPath: absolutePath,
    configFiles: [absolutePath, ...imports.filter(isProjectFile)],
  };
}

/** The project's own files (its routes...), not packages: Atrium's sources are imported in the repository. */
function isProjectFile(path: string): boolean {
  return !path.includes("/node_modules/") && !(fromSource && path.startsWith(`${atriumSourcesDir}/`));
}

function loadDotEnv(folder: string): void {
  const file = join(folder, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * JSON is parsed; JavaScript is imported; TypeScript (and JavaScript when `fresh`) goes through Vite's module
 * runner, which Atrium ships for the admin's build anyway, so a project needs no TypeScript loader of its own.
 * Also answers the files the runner imported on the way (none for JSON and Node's import).
 */
export async function importConfigFile(
  path: string,
  options: LoadConfigOptions = {},
): Promise<{ value: unknown; imports: string[] }> {
  if (path.endsWith(".json")) return { value: JSON.parse(await readFile(path, "utf8")), imports: [] };
  if (!options.fresh && (path.endsWith(".js") || path.endsWith(".mjs"))) {
    const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    return { value: module.default, imports: [] };
  }
  const { runnerImport } = await import("vite");
  // Vite's runner sets NODE_ENV to development; the server's own behaviour must not depend on loading a config.
  const nodeEnv = process.env.NODE_ENV;
  try {
    const { module, dependencies } = await runnerImport<{ default?: unknown }>(path, {
      configFile: false,
      logLevel: "error",
      root: dirname(path),
      // In the repository, workspace packages point at their TypeScript sources under this condition.
      // Vite's runner resolves (and externalizes) imports in its "inline" environment; in the repository the
      // workspace packages must resolve to their sources there too.
      ...(fromSource
        ? {
            environments: {
              inline: { resolve: { conditions: [sourceCondition], externalConditions: [sourceCondition] } },
            },
          }
        : {}),
    });
    return { value: module.default, imports: dependencies };
  } catch (error) {
    throw new ConfigError(
      `${path} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
