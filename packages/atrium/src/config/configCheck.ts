/**
 * One problem the start-up checks found in the config, in the style of Django's system checks: a stable code
 * (every code is listed with an example in docs/checks.md) and a message that names the config path, the
 * problem and, where one is near, the valid name meant. Errors (`E`) stop the server with every problem listed;
 * warnings (`W`) are printed and the server starts.
 */
export type ConfigCheckCode = `atrium.${"E" | "W"}${number}`;

export interface ConfigCheck {
  code: ConfigCheckCode;
  message: string;
}

/** `; did you mean 'title'?` when a hint was found, else `.` */
export function didYouMean(hint: string | undefined): string {
  return hint ? `; did you mean '${hint}'?` : ".";
}

/** One line per problem, for the error that stops the server. */
export function formatChecks(checks: readonly ConfigCheck[]): string {
  const count = checks.length === 1 ? "1 problem" : `${checks.length} problems`;
  return `The config has ${count}:\n${checkLines(checks)}`;
}

/** One line per warning, printed at start-up. */
export function formatWarnings(warnings: readonly ConfigCheck[]): string {
  const count = warnings.length === 1 ? "1 warning" : `${warnings.length} warnings`;
  return `The config has ${count} (the server starts anyway):\n${checkLines(warnings)}`;
}

function checkLines(checks: readonly ConfigCheck[]): string {
  return checks.map((check) => `  ${check.code} ${check.message}`).join("\n");
}
