import { existsSync } from "node:fs";
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, type InlineConfig, type Plugin, searchForWorkspaceRoot } from "vite";
import { fromSource, sourceCondition, spaDir } from "../paths.js";
import { type Extensions, extensionsModuleSource } from "./extensionsModule.js";

const entryId = "/@atrium-entry";
const extensionsId = "virtual:atrium/extensions";
/** The resolved id of the extensions module, which `atrium dev` invalidates when the config changes. */
export const extensionsModuleId = `\0${extensionsId}`;

/** Serves the admin's entry and the module that registers the project's components. */
function atriumPlugin(extensions: Extensions): Plugin {
  const mainFile = join(spaDir, fromSource ? "main.tsx" : "main.js");
  return {
    name: "atrium",
    enforce: "pre",
    resolveId(id) {
      if (id === entryId) return mainFile;
      if (id === extensionsId) return `\0${extensionsId}`;
      return undefined;
    },
    load(id) {
      return id === `\0${extensionsId}` ? extensionsModuleSource(extensions) : undefined;
    },
  };
}

export interface AdminViteOptions {
  /** The project's folder: where its components are. */
  projectDir: string;
  extensions: Extensions;
  /** Where `build` writes the SPA. */
  outDir?: string;
}

/**
 * Vite's configuration for the admin SPA with the project's components compiled in: one copy of React, React
 * Router and TanStack Query for the admin and the project's pages, so they share the router and the cache.
 */
export function adminViteConfig({ projectDir, extensions, outDir }: AdminViteOptions): InlineConfig {
  const nodeModules = join(projectDir, "node_modules");
  return {
    configFile: false,
    root: spaDir,
    // Relative asset URLs: the server makes them absolute under the path the admin is mounted at.
    base: "./",
    logLevel: "warn",
    cacheDir: join(existsSync(nodeModules) ? nodeModules : projectDir, ".vite-atrium"),
    plugins: [react(), atriumPlugin(extensions)],
    resolve: {
      dedupe: ["react", "react-dom", "react-router", "@tanstack/react-query"],
      // In the repository, workspace packages point at their TypeScript sources under this condition.
      ...(fromSource ? { conditions: [sourceCondition, ...defaultClientConditions] } : {}),
    },
    server: { fs: { allow: [searchForWorkspaceRoot(projectDir), spaDir] } },
    build: {
      ...(outDir ? { outDir } : {}),
      emptyOutDir: true,
      // .vite/manifest.json maps each route's chunk to its imports: the bundle budget reads it.
      manifest: true,
      chunkSizeWarningLimit: 600,
    },
  };
}
