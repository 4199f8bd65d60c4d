#!/usr/bin/env node
import { parseArgs } from "node:util";
import { commands, UsageError } from "./commands/index.js";
import { ConfigError } from "./config/resolveConfig.js";

const usage = `Atrium: an admin for any Prisma schema.

Usage: atrium <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(12)} ${command.summary}`).join("\n")}

Run 'atrium <command> --help' for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(usage);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`Unknown command '${name}'.\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...command.options, help: { type: "boolean", short: "h" } },
    allowPositionals: command.positionals === true,
  });
  if (values.help) {
    console.log(command.help);
    return 0;
  }
  return command.run(values as Record<string, string | boolean | undefined>, positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    const isParseArgsError =
      error instanceof TypeError && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
    if (error instanceof ConfigError || error instanceof UsageError || isParseArgsError) {
      console.error(`atrium: ${error.message}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
