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
import { watchFiles } from "./watchFiles.js";

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
    // Fresh on every load: a JavaScript config is read again too, and the files it imports are listed.
    let config = await loadConfig(configPath, process.env, { fresh: true });
    await writeSchemaTypes(config);
    const extensions: Extensions = { pages: config.pages, widgets: config.widgets, slots: config.slots };
    const [{ createServer: createViteServer }, { adminViteConfig, extensionsModuleId }] = await Promise.all([
      import("vite"),
      import("../spa/viteConfig.js"),
    ]);
    let atrium: Atrium = await createAtrium({ ...config, noUsersHint: noUsersHint("") });
    let api = getRequestListener((request) => atrium.fetch(request));
    const server = createServer((request: IncomingMessage, response) => {
      if (isServerPath(request.url)) void api(request, response);
      else vite.middlewares(request, response);
    });
    const vite = await createViteServer({
      ...adminViteConfig({ projectDir: config.rootDir, extensions }),
      // Hot reload over this server's port: by default Vite opens a WebSocket port of its own (24678) on every
      // interface, which a second `atrium dev` cannot open and a forwarded or proxied port does not reach.
      server: { middlewareMode: true, hmr: { server } },
      appType: "spa",
    });

    // The config names the schema, the field rules, the routes and the components: on a change of it or of a
    // project file it imports (the routes), load it again, swap the API server and reload the browser. A broken
    // config keeps the last good one running and says why.
    const watcher = watchFiles(() => void reload());
    const reload = async () => {
      try {
        const next: ResolvedConfig = await loadConfig(configPath, process.env, { fresh: true });
        const nextAtrium = await createAtrium(next);
        await atrium.close();
        atrium = nextAtrium;
        api = getRequestListener((request) => atrium.fetch(request));
        config = next;
        watcher.watch(next.configFiles ?? [configPath]);
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
    watcher.watch(config.configFiles ?? [configPath]);

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
