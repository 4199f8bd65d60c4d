import { webRootFor } from "../build/webRoot.js";
import { findConfigPath, loadConfig } from "../config/loadConfig.js";
import { startServer } from "../startServer.js";
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

export const serveCommand: Command = {
  name: "serve",
  summary: "Serve the admin as `atrium build` built it (production)",
  help: ["Usage: atrium serve [--config <file>] [--port <n>] [--host <host>]", configHelp, listenHelp].join(
    "\n",
  ),
  options: { ...configOption, ...listenOptions },
  async run(values) {
    const configArgument = stringOption(values, "config");
    const config = await loadConfig(findConfigPath(configArgument));
    const port = stringOption(values, "port");
    const server = await startServer({
      ...config,
      port: port === undefined ? config.port : Number(port),
      host: stringOption(values, "host") ?? config.host,
      webRoot: await webRootFor(config),
      noUsersHint: noUsersHint(configArgument ? ` --config ${configArgument}` : ""),
    });
    console.log(`Atrium running at ${server.url}`);
    stopOnSignal(server.close);
    return 0;
  },
};
