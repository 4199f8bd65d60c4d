import { relative } from "node:path";
import { findConfigPath, loadConfig } from "../config/loadConfig.js";
import { type Command, configHelp, configOption, stringOption } from "./command.js";
import { runPush } from "./push.js";

export const pushCommand: Command = {
  name: "push",
  summary: "Create the tables of the schema in a new database, offline (SQLite, PostgreSQL, MySQL)",
  help: [
    "Usage: atrium push [--config <file>] [--schema <file> --url <url>] [--accept-data-loss]",
    "The database must be new and empty (PostgreSQL, MySQL) or a SQLite file; see docs/getting-started.md.",
    configHelp,
    "      --schema <file>      the schema, instead of the config's",
    "      --url <url>          the database, instead of the config's (DATABASE_URL)",
    "      --accept-data-loss   SQLite only: apply a change that drops columns or tables holding data",
  ].join("\n"),
  options: {
    ...configOption,
    schema: { type: "string" },
    url: { type: "string" },
    "accept-data-loss": { type: "boolean" },
  },
  async run(values) {
    let schema = stringOption(values, "schema");
    let url = stringOption(values, "url");
    if (schema === undefined || url === undefined) {
      const config = await loadConfig(findConfigPath(stringOption(values, "config")));
      schema ??= relative(process.cwd(), config.schemaPath);
      url ??= config.databaseUrl;
    }
    return runPush({ schema, url, acceptDataLoss: values["accept-data-loss"] === true });
  },
};
