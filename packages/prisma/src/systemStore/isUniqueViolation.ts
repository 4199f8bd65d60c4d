/**
 * Whether a raw query failed on a unique constraint. Raw queries surface the database's own error through
 * Prisma's driver adapter, so this recognises each database's code rather than a Prisma model error.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, meta } = error as Error & { code?: unknown; meta?: Record<string, unknown> };
  if (code === "P2002") return true;
  const text = `${error.message} ${JSON.stringify(meta ?? {})}`;
  // PostgreSQL 23505, MySQL/MariaDB 1062 (ER_DUP_ENTRY), SQLite "UNIQUE constraint failed" / PRIMARY KEY.
  return /23505|\b1062\b|Duplicate entry|UNIQUE constraint failed|unique constraint/i.test(text);
}
