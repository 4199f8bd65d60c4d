import { AtriumError } from "@atrium/core";
import { findConfigPath, loadConfig } from "../config/loadConfig.js";
import { type Command, configHelp, configOption, requireOption, UsageError } from "./command.js";
import { createUser, openUserDatabase, readPasswordFromStdin } from "./createUser.js";

export const createUserCommand: Command = {
  name: "create-user",
  summary: "Create a user who can sign in; the password is read from standard input",
  help: [
    "Usage: printf '%s' \"$PASSWORD\" | atrium create-user --email a@b.c [--superuser] [--config <file>]",
    "The password comes from standard input (at least 12 characters), never from an argument.",
    "      --email <email>  the user's email, which they sign in with",
    "      --superuser      may do everything, including managing users and roles",
    configHelp,
  ].join("\n"),
  options: { email: { type: "string" }, superuser: { type: "boolean" }, ...configOption },
  async run(values) {
    const email = requireOption(values, "email");
    const config = await loadConfig(findConfigPath(values.config as string | undefined));
    const password = await readPasswordFromStdin();
    const database = await openUserDatabase(config.schemaPath, config.databaseUrl);
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
};
