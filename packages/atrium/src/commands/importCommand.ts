/**
 * `atrium import <Model> <file> [--dry-run] [--format csv|json|ndjson] [--match $id|<field>|none]
 * [--map Column=field]...`: the rows of a file written into a model as the admin's Import writes them: checked
 * first (every problem printed with its row and field), then all or nothing in one transaction, audited as the
 * system.
 */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { extname } from "node:path";
import type { ColumnMapping } from "@atrium/core";
import { AtriumError } from "@atrium/core";
import { type ImportFormat, importFormats, type RowError, runImport } from "@atrium/server";
import { findConfigPath, loadConfig } from "../config/loadConfig.js";
import { type Command, configHelp, configOption, stringOption, UsageError } from "./command.js";
import { modelKeyOf, openExchangeProject } from "./exchangeProject.js";
import { progressLine } from "./progressLine.js";

export const importCommand: Command = {
  name: "import",
  summary: "Write the rows of a CSV, JSON or NDJSON file into a model, all or nothing (or --dry-run)",
  help: [
    "Usage: atrium import <Model> <file> [--dry-run] [options]",
    "Columns fill the fields their names or labels spell; a row whose id (or --match field) names a record",
    "updates it, any other creates one. Every row is checked as the admin's forms check it; with any problem",
    "nothing is written and each is printed with its row and field. Otherwise the rows are written in one",
    "transaction and recorded in the history as the system's.",
    "      --dry-run         check and print what each row would do; write nothing",
    "      --format <f>      csv, json or ndjson (default: from the file's extension)",
    "      --match <m>       $id (default when the id has a column), a unique field, or none",
    "      --map <c=f>       column to field, e.g. --map 'Publisher=publisher.name' or 'Notes=' to leave",
    "                        a column out (repeatable; other columns keep what their names suggest)",
    configHelp,
  ].join("\n"),
  options: {
    "dry-run": { type: "boolean" },
    format: { type: "string" },
    match: { type: "string" },
    map: { type: "string", multiple: true },
    ...configOption,
  },
  positionals: true,
  async run(values, positionals = []) {
    const [name, path, ...extra] = positionals;
    if (name === undefined || path === undefined || extra.length > 0) {
      throw new UsageError("name a model and a file (atrium import Book books.csv --dry-run)");
    }
    await access(path).catch(() => {
      throw new UsageError(`cannot read the file '${path}'`);
    });
    const dryRun = values["dry-run"] === true;
    const request = {
      format: formatOf(stringOption(values, "format"), path),
      mapping: ((values.map as string[] | undefined) ?? []).map(mappingOf),
      match: stringOption(values, "match"),
      dryRun,
    };
    const config = await loadConfig(findConfigPath(stringOption(values, "config")));
    const project = await openExchangeProject(config);
    const line = progressLine();
    try {
      const modelKey = modelKeyOf(project.scope.schema.models, name);
      const answer = await runImport(project.scope, modelKey, () => createReadStream(path), request, {
        onProgress: (progress) => {
          const total = progress.total === null ? "" : ` of ${progress.total}`;
          line.update(
            `${progress.phase === "checking" ? "Checked" : "Wrote"} ${progress.done}${total} rows`,
            false,
          );
        },
      });
      line.update("", true);
      if (!answer.dryRun) {
        console.log(`Imported ${name}: ${answer.created} created, ${answer.updated} updated`);
        return 0;
      }
      const { summary } = answer;
      console.log(
        `${summary.rows} rows: ${summary.create} to create, ${summary.update} to update, ${summary.invalid} with problems`,
      );
      printErrors(answer.errors, answer.errorCount);
      return answer.errorCount > 0 ? 1 : 0;
    } catch (error) {
      line.update("", true);
      const details =
        error instanceof AtriumError
          ? (error.details as { errors?: RowError[]; errorCount?: number })
          : undefined;
      if (error instanceof AtriumError && details?.errors) {
        console.error(`atrium: ${error.message}`);
        printErrors(details.errors, details.errorCount ?? details.errors.length, console.error);
        return 1;
      }
      if (error instanceof AtriumError && error.status < 500) {
        const fields = Object.entries(error.fields ?? {}).map(
          ([field, message]) => `\n  ${field}: ${message}`,
        );
        throw new UsageError(`${error.message}${fields.join("")}`);
      }
      throw error;
    } finally {
      await project.close();
    }
  },
};

function printErrors(errors: RowError[], count: number, print: (line: string) => void = console.log): void {
  for (const error of errors)
    print(`  row ${error.row}${error.field ? `, ${error.field}` : ""}: ${error.message}`);
  if (count > errors.length) print(`  ... and ${count - errors.length} more`);
}

function formatOf(named: string | undefined, path: string): ImportFormat {
  const format = named ?? extname(path).slice(1).toLowerCase();
  if ((importFormats as readonly string[]).includes(format)) return format as ImportFormat;
  throw new UsageError(
    `say which format the file is in: --format ${importFormats.join(", ")}${named ? `, not '${named}'` : ""}`,
  );
}

/** `Column=field`, `Column=relation.uniqueField`, or `Column=` to leave the column out. */
function mappingOf(text: string): ColumnMapping {
  const equals = text.lastIndexOf("=");
  if (equals < 1)
    throw new UsageError(`--map takes Column=field, e.g. 'Publisher=publisher.name'; got '${text}'`);
  const column = text.slice(0, equals);
  const target = text.slice(equals + 1).trim();
  if (target === "") return { column, field: null };
  const [field = "", by] = target.split(".");
  return by === undefined ? { column, field } : { column, field, by };
}
