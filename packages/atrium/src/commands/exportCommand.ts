/**
 * `atrium export <Model> [--format csv|json|ndjson] [--q text] [--sort field] [--filter field.op=value]...
 * [--ids id]... [--output file]`: the model's records as the admin's Export writes them, to standard output or a
 * file, streamed page by page.
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AtriumError } from "@atrium/core";
import { exportRecords } from "@atrium/server";
import { findConfigPath, loadConfig } from "../config/loadConfig.js";
import { type Command, configHelp, configOption, stringOption, UsageError } from "./command.js";
import { modelKeyOf, openExchangeProject } from "./exchangeProject.js";

export const exportCommand: Command = {
  name: "export",
  summary: "Write a model's records (filtered, searched, sorted) as CSV, JSON or NDJSON",
  help: [
    "Usage: atrium export <Model> [--format csv|json|ndjson] [options] > file",
    "Writes the records as the admin's Export does: every field a superuser sees (hidden and secret-named",
    "fields left out), in the API's wire encoding, so `atrium import` reads them back exactly.",
    "      --format <f>      csv (default), json or ndjson",
    "      --q <text>        only records whose search fields match",
    "      --sort <fields>   e.g. --sort=-publishedAt,title (default: the model's list ordering)",
    "      --filter <f>      field.operator=value, e.g. --filter status.eq=PAID (repeatable)",
    "      --ids <$id>       only these records (repeatable)",
    "  -o, --output <file>   write to this file instead of standard output",
    configHelp,
  ].join("\n"),
  options: {
    format: { type: "string" },
    q: { type: "string" },
    sort: { type: "string" },
    filter: { type: "string", multiple: true },
    ids: { type: "string", multiple: true },
    output: { type: "string", short: "o" },
    ...configOption,
  },
  positionals: true,
  async run(values, positionals = []) {
    const [name, ...extra] = positionals;
    if (name === undefined || extra.length > 0) {
      throw new UsageError("name one model to export (atrium export Book --format csv > books.csv)");
    }
    const config = await loadConfig(findConfigPath(stringOption(values, "config")));
    const project = await openExchangeProject(config);
    try {
      const params = exportParams(values);
      const modelKey = modelKeyOf(project.scope.schema.models, name);
      const file = await exportRecords(project.scope, modelKey, params).catch(explain);
      const output = stringOption(values, "output");
      await pipeline(
        Readable.fromWeb(file.body as never),
        output ? createWriteStream(output) : process.stdout,
        {
          end: output !== undefined,
        },
      );
      return 0;
    } finally {
      await project.close();
    }
  },
};

function exportParams(values: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ["format", "q", "sort"]) {
    const value = values[name];
    if (typeof value === "string") params.set(name, value);
  }
  for (const filter of (values.filter as string[] | undefined) ?? []) {
    const equals = filter.indexOf("=");
    if (equals < 1)
      throw new UsageError(`--filter takes field.operator=value, e.g. status.eq=PAID; got '${filter}'`);
    params.append(`filter.${filter.slice(0, equals)}`, filter.slice(equals + 1));
  }
  for (const id of (values.ids as string[] | undefined) ?? []) params.append("ids", id);
  return params;
}

/** A refusal of the query (a bad filter, an unknown format) is the user's to fix: a usage error, not a crash. */
function explain(error: unknown): never {
  if (error instanceof AtriumError && error.status < 500) {
    const details = Object.entries(error.fields ?? {}).map(([field, message]) => `${field}: ${message}`);
    throw new UsageError(
      [error.message, ...details.filter((line) => !error.message.includes(line))].join("\n  "),
    );
  }
  throw error;
}
