/**
 * Failures of the database or of Prisma itself that Atrium cannot prevent or trace to a field (a constraint or
 * trigger Prisma does not know, foreign keys a database kept under `relationMode = "prisma"`, a lost
 * connection) -> `database_error`: a message naming the operation for everyone, the database's own words in
 * `reason` for the log and for superusers.
 *
 * Recognised by name, as mapPrismaError does: the user's generated client may load its own copy of Prisma.
 */
import {
  AtriumError,
  databaseUnavailability,
  inSentence,
  type ModelMeta,
  unavailableMessages,
} from "@atrium/core";
import { adapterCause } from "./errorFields.js";

/** What a data source call was doing, as the API and the log name it. */
export type DataOperation = "create" | "update" | "delete" | "deleteMany" | "read";

const databaseErrorNames = new Set([
  "PrismaClientKnownRequestError",
  "PrismaClientUnknownRequestError",
  "PrismaClientRustPanicError",
  "PrismaClientInitializationError",
  "DriverAdapterError",
]);

/** The `database_error` for an error of the database or Prisma; undefined for anything else (a bug: rethrow). */
export function databaseFailure(
  error: unknown,
  operation: DataOperation,
  model: ModelMeta,
): AtriumError | undefined {
  if (!(error instanceof Error) || !databaseErrorNames.has(error.name)) return undefined;
  const unavailable = databaseUnavailability(error);
  if (unavailable) {
    return new AtriumError("database_unavailable", unavailableMessages[unavailable], {
      details: { operation, model: model.key },
      reason: databaseReason(error),
      cause: error,
    });
  }
  return new AtriumError("database_error", `${doing(operation, model)} failed in the database`, {
    details: { operation, model: model.key },
    reason: databaseReason(error),
    cause: error,
  });
}

function doing(operation: DataOperation, model: ModelMeta): string {
  const one = inSentence(model.label);
  switch (operation) {
    case "create":
      return `Creating this ${one}`;
    case "update":
      return `Saving this ${one}`;
    case "delete":
      return `Deleting this ${one}`;
    case "deleteMany":
      return `Deleting these ${inSentence(model.labelPlural)}`;
    case "read":
      return `Reading ${inSentence(model.labelPlural)}`;
    default: {
      const unknown: never = operation;
      return String(unknown);
    }
  }
}

/**
 * The database's own message when the driver adapter passed it on, else Prisma's message without the call
 * site it quotes (`Invalid \`prisma.x.update()\` invocation in /path/file.ts:12:3` and the code excerpt).
 */
export function databaseReason(error: Error): string {
  const known = error as Error & { code?: unknown; meta?: Record<string, unknown> };
  const code = typeof known.code === "string" ? `${known.code}: ` : "";
  const cause =
    typeof known.code === "string" ? adapterCause({ code: known.code, meta: known.meta }) : undefined;
  const original = cause?.originalMessage;
  if (typeof original === "string" && original.trim() !== "") return `${code}${original.trim()}`;
  const lines = error.message
    .split("\n")
    .map((line) => line.trimEnd())
    .filter(
      (line) =>
        line.trim() !== "" &&
        !/^Invalid `.*` invocation/.test(line) &&
        !/^\S*[/\\]\S+:\d+:\d+$/.test(line.trim()) &&
        !/^\s*(→\s*)?\d+\s/.test(line),
    );
  return `${code}${lines.join(" ").trim() || error.name}`;
}
