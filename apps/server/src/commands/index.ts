import { resolve } from "node:path";
import type { ParseArgsConfig } from "node:util";
import { AtriumError } from "@atrium/core";
import { generateClient } from "@atrium/prisma";
import { loadConfig } from "../config/loadConfig.js";
import { startServer } from "../startServer.js";
import { createUser, noUsersHint, openUserDatabase, readPasswordFromStdin } from "./createUser.js";
import { demoDatabaseFile, demoSchemaPath, ensureDemoDatabase, runDemo, stopOnSignal } from "./demo.js";
import { runPush } from "./push.js";

export interface Command {
  name: string;
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, string | boolean | undefined>): Promise<number>;
}

/** Wrong command-line use: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

function requireOption(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") {
    throw new UsageError(`missing --${name}`);
  }
  return value;
}

const portOf = (value: string | boolean | undefined): number => Number(value ?? process.env.PORT ?? 4000);

export const commands: Command[] = [
  {
    name: "demo",
    summary: "Seed the demo bookstore database (first run only) and serve the admin on PORT (default 4000)",
    help: "Usage: npm run demo [-- --port 4000 --host 127.0.0.1]",
    options: { port: { type: "string" }, host: { type: "string" } },
    async run(values) {
      await runDemo({
        port: portOf(values.port),
        host: String(values.host ?? process.env.HOST ?? "127.0.0.1"),
      });
      return 0;
    },
  },
  {
    name: "serve",
    summary: "Serve the admin for your own schema, as set in a config file",
    help: "Usage: npm run atrium -- serve --config ./atrium.config.ts\nSee docs/getting-started.md.",
    options: { config: { type: "string", short: "c" } },
    async run(values) {
      const configPath = String(values.config ?? "atrium.config.ts");
      const config = await loadConfig(configPath);
      const server = await startServer({ ...config, noUsersHint: noUsersHint(`--config ${configPath}`) });
      console.log(`Atrium running at ${server.url}`);
      stopOnSignal(server.close);
      return 0;
    },
  },
  {
    name: "create-user",
    summary: "Create a user who can sign in; the password is read from standard input",
    help: [
      "Usage: printf '%s' \"$PASSWORD\" | npm run atrium -- create-user --email a@b.c [--superuser] [--config file | --demo]",
      "The password comes from standard input (at least 12 characters), never from an argument.",
    ].join("\n"),
    options: {
      email: { type: "string" },
      superuser: { type: "boolean" },
      config: { type: "string", short: "c" },
      demo: { type: "boolean" },
    },
    async run(values) {
      const email = requireOption(values, "email");
      let schemaPath = demoSchemaPath;
      let databaseUrl = `file:${demoDatabaseFile}`;
      if (values.demo) await ensureDemoDatabase(demoDatabaseFile);
      else {
        const config = await loadConfig(String(values.config ?? "atrium.config.ts"));
        schemaPath = config.schemaPath;
        databaseUrl = config.databaseUrl;
      }
      const password = await readPasswordFromStdin();
      const database = await openUserDatabase(schemaPath, databaseUrl);
      try {
        const user = await createUser(database.store, {
          email,
          password,
          isSuperuser: values.superuser === true,
        });
        console.log(`Created ${user.isSuperuser ? "superuser" : "user"} ${user.email}`);
      } catch (error) {
        if (error instanceof AtriumError) throw new UsageError(error.message);
        throw error;
      } finally {
        await database.close();
      }
      return 0;
    },
  },
  {
    name: "push",
    summary: "Create the tables of a schema in a new database, offline (SQLite, PostgreSQL, MySQL)",
    help: [
      "Usage: npm run atrium -- push --schema ./schema.prisma --url file:./dev.db [--accept-data-loss]",
      "The database must be new and empty (PostgreSQL, MySQL) or a SQLite file; see docs/getting-started.md.",
      "--accept-data-loss: SQLite only, apply a change that drops columns or tables holding data.",
    ].join("\n"),
    options: { schema: { type: "string" }, url: { type: "string" }, "accept-data-loss": { type: "boolean" } },
    run(values) {
      return runPush({
        schema: requireOption(values, "schema"),
        url: requireOption(values, "url"),
        acceptDataLoss: values["accept-data-loss"] === true,
      });
    },
  },
  {
    name: "generate",
    summary: "Generate a Prisma client for a schema, offline",
    help: "Usage: npm run atrium -- generate --schema ./schema.prisma",
    options: { schema: { type: "string" } },
    async run(values) {
      await generateClient(resolve(requireOption(values, "schema")));
      return 0;
    },
  },
];
