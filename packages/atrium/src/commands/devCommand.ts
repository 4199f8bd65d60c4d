import { watch } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { findConfigPath, loadConfig, type ResolvedConfig } from "../config/loadConfig.js";
import type { Extensions } from "../spa/extensionsModule.js";
import { type Atrium, createAtrium } from "../startServer.js";
import {
  type Command,
  configHelp,
  configOption,
  listenHelp,
  listenOptions,
  stopOnSignal,
  stringOption,
} from "./command.js";
import { noUsersHint } from "./createUser.js";
import { writeSchemaTypes } from "./typesCommand.js";

/** Requests the API server answers; everything else is the SPA, which Vite serves with hot reload. */
const isServerPath = (url = "/") => url.startsWith("/api/") || url === "/api" || url.startsWith("/healthz");

export const devCommand: Command = {
  name: "dev",
  summary: "Serve the admin while you work: your pages hot-reload, config changes restart the server",
  help: ["Usage: atrium dev [--config <file>] [--port <n>] [--host <host>]", configHelp, listenHelp].join(
    "\n",
  ),
  options: { ...configOption, ...listenOptions },
  async run(values) {
    const configPath = findConfigPath(stringOption(values, "config"));
    let config = await loadConfig(configPath);
    await writeSchemaTypes(config);
    const extensions: Extensions = { pages: config.pages, widgets: config.widgets, slots: config.slots };
    const [{ createServer: createViteServer }, { adminViteConfig, extensionsModuleId }] = await Promise.all([
      import("vite"),
      import("../spa/viteConfig.js"),
    ]);
    const vite = await createViteServer({
      ...adminViteConfig({ projectDir: config.rootDir, extensions }),
      server: { middlewareMode: true },
      appType: "spa",
    });
    let atrium: Atrium = await createAtrium({ ...config, noUsersHint: noUsersHint("") });
    let api = getRequestListener((request) => atrium.fetch(request));

    // The config names the schema, the field rules and the components: on a change, load it again, swap the
    // API server and reload the browser. A broken config keeps the last good one running and says why.
    const reload = async () => {
      try {
        const next: ResolvedConfig = await loadConfig(configPath);
        const nextAtrium = await createAtrium(next);
        await atrium.close();
        atrium = nextAtrium;
        api = getRequestListener((request) => atrium.fetch(request));
        config = next;
        Object.assign(extensions, { pages: next.pages, widgets: next.widgets, slots: next.slots });
        await writeSchemaTypes(next);
        const module = vite.moduleGraph.getModuleById(extensionsModuleId);
        if (module) vite.moduleGraph.invalidateModule(module);
        vite.ws.send({ type: "full-reload" });
        console.log("Config reloaded.");
      } catch (error) {
        console.error(
          `atrium: config not reloaded: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    };
    let pending: NodeJS.Timeout | undefined;
    const watcher = watch(configPath, () => {
      clearTimeout(pending);
      pending = setTimeout(() => void reload(), 100);
    });

    const server = createServer((request: IncomingMessage, response) => {
      if (isServerPath(request.url)) void api(request, response);
      else vite.middlewares(request, response);
    });
    const port = Number(stringOption(values, "port") ?? config.port);
    const host = stringOption(values, "host") ?? config.host;
    await new Promise<void>((listening, failed) => {
      server.once("error", failed);
      server.listen(port, host, () => listening());
    });
    console.log(`Atrium dev server at http://${host}:${port}  (watching ${configPath})`);
    stopOnSignal(async () => {
      watcher.close();
      server.close();
      await vite.close();
      await atrium.close();
    });
    return 0;
  },
};
