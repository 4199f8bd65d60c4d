/** `atrium seed [--seed <n>]`: writes the config's seed plan (docs/configuration.md, "Seed plans"). */
import { findConfigPath, loadConfig } from "../config/loadConfig.js";
import { type Command, configHelp, configOption, stringOption, wholeNumberOption } from "./command.js";
import { progressLine } from "./progressLine.js";
import { seedProject } from "./seedProject.js";

export const seedCommand: Command = {
  name: "seed",
  summary: "Fill the database from the config's seed plan (each model topped up to its count)",
  help: [
    "Usage: atrium seed [--seed <n>] [--config <file>]",
    "Writes the `seed` plan of atrium.config.ts: each model gets the rows it lacks to reach its count, parents",
    "first, with the plan's makers for chosen fields and realistic values for the others. Running it again adds",
    "nothing; the same seed and plan on the same database write the same rows. Audited as the system.",
    "      --seed <n>       the random seed (default: the plan's, else 1)",
    "      --batch <n>      records per transaction (default 500)",
    configHelp,
  ].join("\n"),
  options: { seed: { type: "string" }, batch: { type: "string" }, ...configOption },
  async run(values) {
    const seed = wholeNumberOption(values, "seed", 0);
    const batchSize = wholeNumberOption(values, "batch", 1);
    const config = await loadConfig(findConfigPath(stringOption(values, "config")));
    const line = progressLine();
    const started = Date.now();
    const result = await seedProject(config, {
      ...(seed === undefined ? {} : { seed }),
      ...(batchSize === undefined ? {} : { batchSize }),
      onProgress: (event) =>
        line.update(`${event.model.name}: ${event.created}/${event.count}`, event.created >= event.count),
    });
    if (!result) {
      console.log(
        "The config has no seed plan: add a `seed` section to atrium.config.ts (docs/configuration.md).",
      );
      return 0;
    }
    for (const entry of result.models) {
      const skipped = entry.skipped > 0 ? `, ${entry.skipped} left out (every unique combination taken)` : "";
      console.log(`${entry.model.name}: ${entry.added} added to ${entry.had}${skipped}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Seeded ${result.added} records with seed ${result.seed} in ${seconds} s`);
    return 0;
  },
};
