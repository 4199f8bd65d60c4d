/**
 * `atrium generate`: realistic records for models of the project's schema (`atrium generate Book --count 500
 * --seed 42`, `atrium generate --all --count 20`), or, with `--schema` alone, Atrium's Prisma client for a
 * schema (what `generate` did first, kept for the scripts that use it).
 */
import { resolve } from "node:path";
import { generateClient } from "@atrium/prisma";
import { findConfigPath, loadConfig } from "../config/loadConfig.js";
import {
  type Command,
  configHelp,
  configOption,
  stringOption,
  UsageError,
  wholeNumberOption,
} from "./command.js";
import { generateData } from "./generateData.js";
import { progressLine } from "./progressLine.js";

export const generateCommand: Command = {
  name: "generate",
  summary: "Generate realistic records for models of the schema (or, with --schema, Atrium's Prisma client)",
  help: [
    "Usage: atrium generate <Model>... --count <n> [--seed <n>] [--config <file>]",
    "       atrium generate --all --count <n> [--seed <n>] [--config <file>]",
    "       atrium generate --schema <file>      (Atrium's Prisma client for a schema, offline)",
    "Records are written into the config's database in batches, parents first when a required relation has",
    "nothing to point at, and recorded in the history as created by the system. The same seed on the same",
    "database writes the same records.",
    "      --all            every model that can be generated, parents before children",
    "      --count <n>      records per model (default 20)",
    "      --seed <n>       the random seed (default: a new one, printed so it can be repeated)",
    "      --batch <n>      records per transaction (default 500)",
    "      --schema <file>  generate the Prisma client for this schema instead",
    configHelp,
  ].join("\n"),
  options: {
    all: { type: "boolean" },
    count: { type: "string" },
    seed: { type: "string" },
    batch: { type: "string" },
    schema: { type: "string" },
    ...configOption,
  },
  positionals: true,
  async run(values, positionals = []) {
    const schemaOption = stringOption(values, "schema");
    if (schemaOption !== undefined && positionals.length === 0 && values.all !== true) {
      await generateClient(resolve(schemaOption));
      return 0;
    }
    if (values.all === true && positionals.length > 0) {
      throw new UsageError("name models or pass --all, not both");
    }
    if (values.all !== true && positionals.length === 0) {
      throw new UsageError("name the models to generate (atrium generate Book --count 50) or pass --all");
    }
    const count = wholeNumberOption(values, "count", 1) ?? 20;
    const seed = wholeNumberOption(values, "seed", 0) ?? Math.floor(Math.random() * 2 ** 31);
    const batchSize = wholeNumberOption(values, "batch", 1) ?? 500;
    const config = await loadConfig(findConfigPath(stringOption(values, "config")));
    const line = progressLine();
    const started = Date.now();
    console.log(`Generating with seed ${seed} (pass --seed ${seed} to write the same records again)`);
    const result = await generateData({
      schemaPath: schemaOption ? resolve(schemaOption) : config.schemaPath,
      databaseUrl: config.databaseUrl,
      ...(config.fields ? { fields: config.fields } : {}),
      models: values.all === true ? "all" : positionals,
      count,
      seed,
      batchSize,
      report: (event) => {
        if ("notice" in event) {
          console.log(event.notice);
          return;
        }
        const step = event.steps > 1 ? ` (step ${event.step + 1} of ${event.steps})` : "";
        line.update(
          `${event.model.name}: ${event.created}/${event.count}${step}`,
          event.created >= event.count,
        );
      },
    });
    const skipped = result.steps.filter((step) => step.skipped > 0);
    for (const step of skipped) {
      console.log(
        `${step.model.name}: ${step.skipped} left out, every combination of their unique keys is taken`,
      );
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Created ${result.created} records in ${seconds} s`);
    return 0;
  },
};
