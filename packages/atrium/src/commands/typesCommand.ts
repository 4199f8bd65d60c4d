import { writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { findConfigPath, loadConfig, type ResolvedConfig } from "../config/loadConfig.js";
import { schemaTypesFileName, schemaTypesSource } from "../config/schemaTypes.js";
import { type Command, configHelp, configOption } from "./command.js";

/** Writes atrium-env.d.ts beside the config; returns its path. */
export async function writeSchemaTypes(config: ResolvedConfig): Promise<string> {
  const schema = await loadSchemaMetaFromFile(config.schemaPath);
  const path = join(config.rootDir, schemaTypesFileName);
  await writeFile(path, schemaTypesSource(schema, relative(config.rootDir, config.schemaPath)));
  return path;
}

export const typesCommand: Command = {
  name: "types",
  summary: "Write atrium-env.d.ts, which types model and field names in atrium.config.ts",
  help: ["Usage: atrium types [--config <file>]", configHelp].join("\n"),
  options: { ...configOption },
  async run(values) {
    const config = await loadConfig(findConfigPath(values.config as string | undefined));
    console.log(`Wrote ${relative(process.cwd(), await writeSchemaTypes(config))}`);
    return 0;
  },
};
