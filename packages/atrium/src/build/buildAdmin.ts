import { join } from "node:path";
import type { ResolvedConfig } from "../config/resolveConfig.js";
import type { Extensions } from "../spa/extensionsModule.js";

/** Builds the admin SPA with the given components into `outDir` (Vite, production mode). */
export async function buildSpa(projectDir: string, extensions: Extensions, outDir: string): Promise<void> {
  const [{ build }, { adminViteConfig }] = await Promise.all([
    import("vite"),
    import("../spa/viteConfig.js"),
  ]);
  await build(adminViteConfig({ projectDir, extensions, outDir }));
}

/** Builds the admin SPA with the project's pages, widgets and slots into `<outDir>/web`. */
export async function buildAdmin(config: ResolvedConfig): Promise<string> {
  const outDir = join(config.outDir, "web");
  await buildSpa(
    config.rootDir,
    { pages: config.pages, widgets: config.widgets, slots: config.slots },
    outDir,
  );
  return outDir;
}
