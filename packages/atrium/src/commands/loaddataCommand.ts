/**
 * `atrium loaddata <file>`: a fixture file written by `atrium dumpdata` loaded into the config's database, which
 * must be empty, in one transaction, ids kept.
 */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { AtriumError } from "@atrium/core";
import { findConfigPath, loadConfig } from "../config/loadConfig.js";
import { loadFixtures, readFixtureStream } from "../fixtures/index.js";
import { type Command, configHelp, configOption, stringOption, UsageError } from "./command.js";
import { openFixtureProject } from "./fixtureProject.js";

export const loaddataCommand: Command = {
  name: "loaddata",
  summary: "Load a fixture file written by dumpdata into an empty database, ids kept, all or nothing",
  help: [
    "Usage: atrium loaddata <file.json>",
    "Writes the rows and many-to-many links of a dumpdata file into the config's database, in one",
    "transaction, keeping every id, and moves PostgreSQL's sequences past the loaded ids. The database must",
    "be empty (run `atrium push` on a new one): a database holding rows is refused and nothing is written.",
    "The file may come from another kind of database (SQLite, PostgreSQL, MySQL/MariaDB).",
    configHelp,
  ].join("\n"),
  options: { ...configOption },
  positionals: true,
  async run(values, positionals = []) {
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length > 0)
      throw new UsageError("name one file (atrium loaddata data.json)");
    await access(path).catch(() => {
      throw new UsageError(`cannot read the file '${path}'`);
    });
    const config = await loadConfig(findConfigPath(stringOption(values, "config")));
    const project = await openFixtureProject(config);
    try {
      const events = readFixtureStream(project.schema, createReadStream(path, { highWaterMark: 256 * 1024 }));
      const result = await loadFixtures(project.schema, project.store, events);
      const rows = [...result.rows.values()].reduce((sum, count) => sum + count, 0);
      console.log(`Loaded ${rows} rows of ${result.rows.size} models and ${result.links} many-to-many links`);
      return 0;
    } catch (error) {
      if (error instanceof AtriumError && error.status < 500) {
        console.error(`atrium: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      await project.close();
    }
  },
};
