/**
 * `atrium push`: creates a schema's tables offline. A failure prints `atrium: <what failed>` and `hint:` lines
 * with what to do, and exits 1; never a driver's error object or a stack trace. Prisma's warnings about the
 * schema (a relation without an index under relationMode = "prisma"...) are printed and do not stop the push.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { isPushError, PushError, pushSchema, redactUrl } from "@atrium/prisma";

export interface PushCommandOptions {
  /** The schema file as the user named it; messages point into it with this name. */
  schema: string;
  url: string;
  /** SQLite: apply a change that loses data instead of refusing it. @default false */
  acceptDataLoss?: boolean;
}

export interface CommandOutput {
  log(text: string): void;
  error(text: string): void;
}

export async function runPush(options: PushCommandOptions, output: CommandOutput = console): Promise<number> {
  try {
    const schemaText = await readSchema(options.schema);
    const result = await pushSchema({
      schemaText,
      url: options.url,
      fileName: options.schema,
      acceptDataLoss: options.acceptDataLoss ?? false,
    });
    for (const warning of result.warnings) output.error(`atrium: warning: ${warning}`);
    output.log(`Pushed ${resolve(options.schema)} to ${redactUrl(options.url).split("@").pop()}`);
    return 0;
  } catch (error) {
    if (!isPushError(error)) throw error;
    output.error(formatPushError(error));
    return 1;
  }
}

/** `atrium: <message>` then the hint, each of its lines prefixed `hint: ` (as git prints its hints). */
export function formatPushError(error: PushError): string {
  const hint = error.hint
    .split("\n")
    .map((line) => `hint: ${line}`)
    .join("\n");
  return `atrium: ${error.message}\n${hint}`;
}

async function readSchema(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new PushError(
      "bad_request",
      `Cannot read the schema ${resolve(path)}: ${reason}`,
      "Give --schema the path of your schema.prisma file.",
      { cause: error },
    );
  }
}
