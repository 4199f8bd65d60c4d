import { existsSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, type ResolvedConfig } from "../config/resolveConfig.js";
import { spaDir } from "../paths.js";

/** The admin without any project component, built when Atrium is packed (`dist/web`). */
export const prebuiltWebDir = join(spaDir, "../../dist/web");

const hasIndex = (folder: string) => existsSync(join(folder, "index.html"));

/** Builds the admin without project components into `dist/web` (at packing; from sources, on first use). */
export async function buildPrebuiltWeb(): Promise<string> {
  // Vite loads only when something is built: `serve` of a built admin never pays for it.
  const { buildSpa } = await import("./buildAdmin.js");
  await buildSpa(join(spaDir, "../.."), { pages: [], widgets: [], slots: [] }, prebuiltWebDir);
  return prebuiltWebDir;
}

/**
 * What `atrium serve` serves: the project's `atrium build`, or, for a project that adds no component of its
 * own, the prebuilt admin.
 */
export async function webRootFor(config: ResolvedConfig): Promise<string> {
  const built = join(config.outDir, "web");
  if (hasIndex(built)) return built;
  if (config.pages.length + config.widgets.length + config.slots.length > 0) {
    throw new ConfigError(
      `The config adds pages, widgets or slots, and ${built} holds no build: run 'npx atrium build' first.`,
    );
  }
  if (hasIndex(prebuiltWebDir)) return prebuiltWebDir;
  console.log("Building the admin UI (first run only)...");
  return buildPrebuiltWeb();
}
