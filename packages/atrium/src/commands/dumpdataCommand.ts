/**
 * `atrium dumpdata [Model...] [--output file]`: every row of the database (or of the named models) as one JSON
 * fixture file, streamed page by page, that `atrium loaddata` writes into another empty database of any kind.
 */
import { createWriteStream } from "node:fs";
import { closestMatch, type ModelMeta } from "@atrium/core";
import { findConfigPath, loadConfig } from "../config/loadConfig.js";
import { dumpFixtures } from "../fixtures/index.js";
import { type Command, configHelp, configOption, stringOption, UsageError } from "./command.js";
import { openFixtureProject } from "./fixtureProject.js";

export const dumpdataCommand: Command = {
  name: "dumpdata",
  summary: "Write every row of the database (or of some models) to a JSON fixture file for loaddata",
  help: [
    "Usage: atrium dumpdata [Model...] [--output file.json]",
    "Writes the rows of every model (or of the named ones), parents before children, with every column:",
    "ids, hidden and secret fields included (the file is a copy of the database: keep it as safe as one),",
    "values in the API's wire encoding, and the links of implicit many-to-many relations.",
    "  -o, --output <file>   write to this file (default, or '-': standard output)",
    configHelp,
  ].join("\n"),
  options: { output: { type: "string", short: "o" }, ...configOption },
  positionals: true,
  async run(values, positionals = []) {
    const config = await loadConfig(findConfigPath(stringOption(values, "config")));
    const project = await openFixtureProject(config);
    try {
      const models =
        positionals.length === 0
          ? undefined
          : positionals.map((name) => modelNamed(project.schema.models, name));
      const output = stringOption(values, "output");
      const toFile = output !== undefined && output !== "-";
      const stream = toFile ? createWriteStream(output) : process.stdout;
      const write = (text: string) =>
        new Promise<void>((resolve, reject) => {
          stream.write(text, (error) => (error ? reject(error) : resolve()));
        });
      await dumpFixtures(project.schema, project.store, write, models ? { models } : {});
      if (toFile)
        await new Promise<void>((resolve, reject) =>
          stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
      return 0;
    } finally {
      await project.close();
    }
  },
};

function modelNamed(models: readonly ModelMeta[], name: string): ModelMeta {
  const wanted = name.toLowerCase();
  const model = models.find(
    (candidate) => candidate.name.toLowerCase() === wanted || candidate.key === wanted,
  );
  if (model) return model;
  const suggestion = closestMatch(
    name,
    models.map((candidate) => candidate.name),
  );
  throw new UsageError(
    `the schema has no model '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ""}`,
  );
}
