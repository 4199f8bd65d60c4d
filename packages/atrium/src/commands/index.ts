import { resolve } from "node:path";
import { generateClient } from "@atrium/prisma";
import { buildCommand } from "./buildCommand.js";
import { type Command, requireOption } from "./command.js";
import { createUserCommand } from "./createUserCommand.js";
import { devCommand } from "./devCommand.js";
import { initCommand } from "./initCommand.js";
import { pushCommand } from "./pushCommand.js";
import { serveCommand } from "./serveCommand.js";
import { typesCommand } from "./typesCommand.js";

export { type Command, UsageError } from "./command.js";

const generateCommand: Command = {
  name: "generate",
  summary: "Generate Atrium's Prisma client for a schema, offline (serve does it on first use)",
  help: "Usage: atrium generate --schema <file>",
  options: { schema: { type: "string" } },
  async run(values) {
    await generateClient(resolve(requireOption(values, "schema")));
    return 0;
  },
};

/** Every `atrium` command, in the order `atrium --help` lists them. */
export const commands: Command[] = [
  initCommand,
  devCommand,
  buildCommand,
  serveCommand,
  createUserCommand,
  pushCommand,
  typesCommand,
  generateCommand,
];
