import { join } from "node:path";
import type { ResolvedConfig } from "../config/resolveConfig.js";
import type { Extensions } from "../spa/extensionsModule.js";
import { adminViteConfig } from "../spa/viteConfig.js";

/** Where `atrium build` puts the SPA inside the config's `outDir`. */
export const webDirOf = (outDir: string): string => join(outDir, "web");

/** Builds the admin SPA with the given components into `outDir` (Vite, production mode). */
export async function buildSpa(projectDir: string, extensions: Extensions, outDir: string): Promise<void> {
  const { build } = await import("vite");
  await build(adminViteConfig({ projectDir, extensions, outDir }));
}

/** Builds the admin SPA with the project's pages, widgets and slots into `<outDir>/web`. */
export async function buildAdmin(config: ResolvedConfig): Promise<string> {
  const outDir = webDirOf(config.outDir);
  await buildSpa(
    config.rootDir,
    { pages: config.pages, widgets: config.widgets, slots: config.slots },
    outDir,
  );
  return outDir;
}
