/** One line for the log about a database error: its last non-empty line (Prisma puts the driver's words last). */
export function databaseReasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .pop() ?? "no reason given"
  );
}
