import type { ParseArgsConfig } from "node:util";

export type OptionValues = Record<string, string | boolean | undefined>;

/** One `atrium <name>` command: its help and what it runs; the exit code is what `run` returns. */
export interface Command {
  name: string;
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Whether it takes arguments besides its options (`atrium generate Book`). @default false */
  positionals?: boolean;
  run(values: OptionValues, positionals?: string[]): Promise<number>;
}

/** Wrong command-line use: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function requireOption(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`missing --${name}`);
  return value;
}

export const stringOption = (values: OptionValues, name: string): string | undefined =>
  typeof values[name] === "string" ? (values[name] as string) : undefined;

/** `--<name> <n>`, a whole number of at least `min`; undefined when not given. */
export function wholeNumberOption(values: OptionValues, name: string, min: number): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got '${text}'`);
  }
  return value;
}

/** The `--config` option every command that reads the project's config takes. */
export const configOption = { config: { type: "string", short: "c" } } as const;

export const configHelp =
  "  -c, --config <file>  the config file (default: ./atrium.config.ts, .mts, .js or .json)";

export const listenOptions = { port: { type: "string", short: "p" }, host: { type: "string" } } as const;

export const listenHelp = [
  "  -p, --port <n>       port to listen on (default: the config's port, PORT, else 4000)",
  "      --host <host>    interface to listen on (default: the config's host, else 127.0.0.1)",
].join("\n");

export function stopOnSignal(close: () => Promise<void>): void {
  const stop = () => {
    close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
