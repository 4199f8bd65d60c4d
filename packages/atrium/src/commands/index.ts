import { buildCommand } from "./buildCommand.js";
import type { Command } from "./command.js";
import { createUserCommand } from "./createUserCommand.js";
import { devCommand } from "./devCommand.js";
import { dumpdataCommand } from "./dumpdataCommand.js";
import { exportCommand } from "./exportCommand.js";
import { generateCommand } from "./generateCommand.js";
import { importCommand } from "./importCommand.js";
import { initCommand } from "./initCommand.js";
import { loaddataCommand } from "./loaddataCommand.js";
import { pushCommand } from "./pushCommand.js";
import { seedCommand } from "./seedCommand.js";
import { serveCommand } from "./serveCommand.js";
import { typesCommand } from "./typesCommand.js";

export { type Command, UsageError } from "./command.js";

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
  seedCommand,
  exportCommand,
  importCommand,
  dumpdataCommand,
  loaddataCommand,
];
