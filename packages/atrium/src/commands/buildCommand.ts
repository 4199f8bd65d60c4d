import { relative } from "node:path";
import { buildAdmin } from "../build/buildAdmin.js";
import { findConfigPath, loadConfig } from "../config/loadConfig.js";
import { type Command, configHelp, configOption } from "./command.js";
import { writeSchemaTypes } from "./typesCommand.js";

export const buildCommand: Command = {
  name: "build",
  summary: "Build the admin with the project's pages, widgets and slots into the config's outDir",
  help: ["Usage: atrium build [--config <file>]", configHelp].join("\n"),
  options: { ...configOption },
  async run(values) {
    const config = await loadConfig(findConfigPath(values.config as string | undefined));
    await writeSchemaTypes(config);
    const started = performance.now();
    const outDir = await buildAdmin(config);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Built the admin into ${relative(process.cwd(), outDir) || "."} in ${seconds} s; serve it with 'npx atrium serve'.`,
    );
    return 0;
  },
};
