import { join } from "node:path";
import { type Atrium, createAtrium, loadConfig } from "atrium/server";

let opening: Promise<Atrium> | undefined;

/** The project's admin, made once per process from its config (run `atrium build` first for the UI). */
export function openAdmin(configPath = "atrium.config.ts"): Promise<Atrium> {
  opening ??= loadConfig(configPath).then((config) =>
    createAtrium({ ...config, webRoot: join(config.outDir, "web") }),
  );
  return opening;
}

/** The admin as the mounting helpers take it; it opens on the first request. */
export const atriumApp = {
  fetch: async (request: Request, env?: unknown) => (await openAdmin()).fetch(request, env),
};
